namespace Elimu.Api.Partners.Content.Generation;

public static class ContentLimits
{
    public const int PromptMinLength = 3;
    public const int PromptLength = 1000;
}
