namespace Elimu.Api.Partners.Profiles;

/// <summary>What a logo or banner may be. Bounds are checked on the header before any pixel is decoded.</summary>
public static class ProfileImageRules
{
    /// <summary>The largest file accepted.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;
    /// <summary>The largest picture decoded (each side), so a small file cannot claim a huge canvas (a decompression bomb).</summary>
    public const int MaxSide = 4000;
    public const long MaxPixels = 12_000_000;

    public sealed record Shape(int MinWidth, int MinHeight, int FitWidth, int FitHeight, double MinAspect, string Describe);

    /// <summary>Smallest accepted size, the box the stored picture is shrunk into, and the least width ÷ height.</summary>
    public static Shape For(ProfileImageKind kind) => kind switch
    {
        ProfileImageKind.logo => new(64, 64, 512, 512, 0, "at least 64 × 64 pixels"),
        _ => new(600, 150, 1600, 600, 2.0, "at least 600 × 150 pixels and at least twice as wide as tall"),
    };
}
