import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { HelpArticleKind, HelpArticleView, HelpCategoriesResponse, PagedHelpArticles } from '@/types/partner';

// Partner · Support · Help (/api/v1/partner/support/help/*): categories, searched articles, one article.

export const HELP_BASE = '/api/v1/partner/support/help';

export interface HelpListParams {
  q: string;
  category: string;
  kind: HelpArticleKind | '';
  pageSize: number;
}

export const helpKeys = {
  all: ['partner', 'help'] as const,
  categories: () => [...helpKeys.all, 'categories'] as const,
  list: (params: HelpListParams) => [...helpKeys.all, 'list', params] as const,
  article: (slug: string) => [...helpKeys.all, 'article', slug] as const,
};

export const helpCategoriesQueryOptions = () =>
  queryOptions({
    queryKey: helpKeys.categories(),
    queryFn: ({ signal }) => api.get<HelpCategoriesResponse>(`${HELP_BASE}/categories`, { signal }),
    staleTime: 10 * 60_000, // help ships with the release: it does not change while the page is open
  });

export const helpArticlesQueryOptions = (params: HelpListParams) =>
  queryOptions({
    queryKey: helpKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<PagedHelpArticles>(
        `${HELP_BASE}/articles${toQuery({ q: params.q, category: params.category, kind: params.kind, pageSize: params.pageSize })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });

export const helpArticleQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: helpKeys.article(slug),
    queryFn: ({ signal }) => api.get<HelpArticleView>(`${HELP_BASE}/articles/${encodeURIComponent(slug)}`, { signal }),
    staleTime: 10 * 60_000,
  });

export const useHelpCategories = () => useQuery(helpCategoriesQueryOptions());
export const useHelpArticles = (params: HelpListParams) => useQuery(helpArticlesQueryOptions(params));
export const useHelpArticle = (slug: string) => useQuery({ ...helpArticleQueryOptions(slug), enabled: slug !== '' });
