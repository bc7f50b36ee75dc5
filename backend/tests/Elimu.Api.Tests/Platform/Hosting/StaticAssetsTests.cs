using System.IO.Compression;
using System.Net;
using System.Text;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Elimu.Api.Tests.Platform.Hosting;

/// <summary>
/// The built SPA goes out precompressed (Brotli or gzip, as the browser accepts), hashed assets are cached for good and
/// index.html (also as the answer to deep links) is revalidated on every use.
/// </summary>
public sealed class StaticAssetsTests(StaticAssetsTests.WithBuiltSpaFactory api) : IClassFixture<StaticAssetsTests.WithBuiltSpaFactory>
{
    private const string Script = "/assets/index-C4fE9a1b.js";
    private const string Styles = "/assets/index-Bl2VxTSw.css";

    /// <summary>A wwwroot laid out as the Vite build leaves it: each text file with its .br and .gz copy.</summary>
    public sealed class WithBuiltSpaFactory : ElimuApiFactory
    {
        private readonly string _webRoot = Directory.CreateTempSubdirectory("elimu-built-spa-").FullName;

        public static readonly Dictionary<string, string> Files = new()
        {
            ["/index.html"] = "<!doctype html><title>Elimu</title><script type=\"module\" src=\"/assets/index-C4fE9a1b.js\"></script>",
            [Script] = string.Concat(Enumerable.Repeat("export const greeting = 'Habari';\n", 200)),
            [Styles] = string.Concat(Enumerable.Repeat(".card{border-radius:12px}\n", 200)),
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (path, text) in Files)
            {
                var file = Path.Combine(_webRoot, path.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var bytes = Encoding.UTF8.GetBytes(text);
                File.WriteAllBytes(file, bytes);
                File.WriteAllBytes(file + ".br", Compress(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
                File.WriteAllBytes(file + ".gz", Compress(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize)));
            }
            File.WriteAllText(Path.Combine(_webRoot, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            builder.UseWebRoot(_webRoot);
            base.ConfigureWebHost(builder);
        }

        private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
        {
            using var output = new MemoryStream();
            using (var stream = compressor(output)) stream.Write(bytes);
            return output.ToArray();
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await api.CreateClient().SendAsync(request);
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream text = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException($"unexpected Content-Encoding {other}"),
        };
        using var reader = new StreamReader(text);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData(Script, "br, gzip", "br", "text/javascript")]
    [InlineData(Script, "gzip, deflate", "gzip", "text/javascript")]
    [InlineData(Script, "gzip, deflate, br, zstd", "br", "text/javascript")]
    [InlineData(Script, "br;q=0, gzip", "gzip", "text/javascript")]
    [InlineData(Styles, "br", "br", "text/css")]
    [InlineData(Styles, "gzip", "gzip", "text/css")]
    public async Task A_hashed_asset_goes_out_precompressed_as_accepted_and_is_cached_for_good(string path, string accept, string coding, string type)
    {
        var response = await GetAsync(path, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([coding], response.Content.Headers.ContentEncoding);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WithBuiltSpaFactory.Files[path], await BodyAsync(response));
        Assert.True(response.Content.Headers.ContentLength < Encoding.UTF8.GetByteCount(WithBuiltSpaFactory.Files[path]) / 4);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Without_Accept_Encoding_the_file_goes_out_as_it_is()
    {
        var response = await GetAsync(Script, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WithBuiltSpaFactory.Files[Script], await response.Content.ReadAsStringAsync());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/", "br", "br")]
    [InlineData("/", "gzip", "gzip")]
    [InlineData("/dashboard/partner/sponsorships", "br", "br")]
    [InlineData("/dashboard/parent/consents", "gzip", "gzip")]
    [InlineData("/login", null, null)]
    public async Task Index_html_and_the_spa_fallback_are_compressed_and_revalidated_on_every_use(string path, string? accept, string? coding)
    {
        var response = await GetAsync(path, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(coding is null ? [] : [coding], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WithBuiltSpaFactory.Files["/index.html"], await BodyAsync(response));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        // The page's security headers stay.
        Assert.Contains("script-src 'self'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_file_of_wwwroot_without_a_hash_is_revalidated()
    {
        var response = await GetAsync("/favicon.svg", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_revalidated_asset_answers_304_with_its_cache_headers()
    {
        var first = await GetAsync(Script, "br");
        var request = new HttpRequestMessage(HttpMethod.Get, Script);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var again = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", again.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", again.Headers.Vary);
    }

    [Theory]
    [InlineData(Script + ".br")]
    [InlineData(Script + ".gz")]
    [InlineData("/index.html.gz")]
    public async Task A_compressed_copy_is_not_a_file_of_its_own(string path)
    {
        var response = await GetAsync(path, "br, gzip");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_api_path_is_never_answered_with_a_file()
    {
        var response = await GetAsync("/api/v1/no-such-route", "br");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
