using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform;

/// <summary>
/// backend/openapi/v1.json is the committed contract the front end's types are generated from. This test fails
/// when the API and that file disagree; `./elimu gen-api` rewrites both the file and frontend/src/types/api.ts.
/// </summary>
public sealed class OpenApiSnapshotTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    [Fact]
    public async Task The_committed_OpenAPI_document_matches_the_API()
    {
        var served = (await api.CreateClient().GetStringAsync("/openapi/v1.json")).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepoRoot(), "backend", "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable("ELIMU_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run ./elimu gen-api");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(committed == served, "backend/openapi/v1.json is stale: run ./elimu gen-api and commit the result.");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "elimu"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (the folder holding ./elimu).");
    }
}
