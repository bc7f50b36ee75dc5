using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Elimu.Api.Common;

/// <summary>
/// Serves the built SPA from wwwroot. The Vite build writes a Brotli (.br) and a gzip (.gz) copy beside each text file,
/// and the copy the browser accepts is sent instead of the file, so nothing is compressed per request. Files under
/// /assets/ have a content hash in their name and never change: browsers keep them a year without asking. Everything
/// else (index.html, and the SPA fallback that answers deep links with it) is revalidated on every use, so a release
/// reaches users on their next page load.
/// </summary>
/// <remarks>
/// Not MapStaticAssets: it serves what the build of the API saw in wwwroot, compresses with Brotli only on publish,
/// and the product runs from the build output with the front end built into wwwroot by a separate step (./elimu).
/// </remarks>
public static class StaticAssets
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    public const string RevalidateCacheControl = "no-cache";
    private const string EncodingItem = "elimu.static.encoding";
    private const string VaryItem = "elimu.static.vary";

    /// <summary>The precompressed copies, best first, with the Content-Encoding each is sent with.</summary>
    private static readonly (string Coding, string Extension)[] Variants = [("br", ".br"), ("gzip", ".gz")];

    public static IServiceCollection AddElimuStaticAssets(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(options =>
        {
            options.ContentTypeProvider = new PrecompressedContentTypes();
            options.OnPrepareResponse = context => ApplyHeaders(context.Context);
        });

    /// <summary>index.html for "/", then the files of wwwroot, each in the encoding the browser takes.</summary>
    public static IApplicationBuilder UseElimuStaticAssets(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        app.Use(ChoosePrecompressedVariant);
        app.UseStaticFiles();
        return app;
    }

    /// <summary>
    /// Every unknown path outside /api is the SPA's to route: it gets index.html (compressed and revalidated like
    /// "/"). API paths get no fallback on purpose; see <see cref="SpaFallback"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapSpaIndexFallback(this IEndpointRouteBuilder endpoints, string pattern)
    {
        var index = endpoints.CreateApplicationBuilder();
        index.Use((context, next) =>
        {
            context.Request.Path = "/index.html";
            context.SetEndpoint(null); // the static file middleware serves only requests no endpoint handles
            return next(context);
        });
        index.Use(ChoosePrecompressedVariant);
        index.UseStaticFiles();
        // GET and HEAD only, as MapFallbackToFile does: the router's method and content-type checks run before route
        // constraints, so a fallback open to every method would keep them from answering 405 and 415 on /api paths.
        return endpoints.MapFallback(pattern, index.Build()).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
    }

    private static Task ChoosePrecompressedVariant(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.RequestDelegate is not null
            || !request.Path.HasValue)
            return next(context);

        var files = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var path = request.Path.Value!;

        // The copies are representations of a file, not files of their own: asking for one directly is "not found".
        foreach (var (_, extension) in Variants)
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && Exists(files, path[..^extension.Length]))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

        if (!Exists(files, path)) return next(context);
        var accepted = AcceptedCodings(request);
        foreach (var (coding, extension) in Variants)
        {
            if (!Exists(files, path + extension)) continue;
            context.Items[VaryItem] = true;
            if (!accepted.Contains(coding)) continue;
            context.Items[EncodingItem] = coding;
            request.Path = path + extension;
            break;
        }
        return next(context);
    }

    private static bool Exists(IFileProvider files, string path) => files.GetFileInfo(path) is { Exists: true, IsDirectory: false };

    /// <summary>The codings of Accept-Encoding with a quality above zero.</summary>
    private static HashSet<string> AcceptedCodings(HttpRequest request)
    {
        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var codings)) return accepted;
        foreach (var coding in codings)
            if (coding.Quality is null or > 0) accepted.Add(coding.Value.Value ?? "");
        return accepted;
    }

    private static void ApplyHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Items[EncodingItem] is string coding) headers.ContentEncoding = coding;
        if (context.Items.ContainsKey(VaryItem)) headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = context.Request.Path.StartsWithSegments("/assets") ? ImmutableCacheControl : RevalidateCacheControl;
    }

    /// <summary>A precompressed copy has the type of the file it copies ("app.js.br" is JavaScript).</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in Variants)
                if (subpath.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                    return _types.TryGetContentType(subpath[..^extension.Length], out contentType!);
            return _types.TryGetContentType(subpath, out contentType!);
        }
    }
}
