using Elimu.Api.Data;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Content.Resources;

public sealed class UploadOptions
{
    /// <summary>Where contributed files are kept; empty: <c>uploads</c> beside the SQLite database, else <c>data/uploads</c> under the content root.</summary>
    public string? Root { get; set; }
}

/// <summary>
/// The folder contributed files live in. Unlike ticket attachments (a few MB, kept in the database), a resource may be
/// 50 MB of video, so it is a file on disk under a name this class makes up (a new id and the extension its content
/// proved); the partner's own file name is only ever metadata. Every path it hands out is checked to lie under the root.
/// Several instances must share the root (a mounted volume), as they share the database.
/// </summary>
public sealed class ResourceStorage
{
    private const string Folder = "resources";

    public ResourceStorage(IOptions<UploadOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment env)
    {
        var db = database.Value;
        var root = options.Value.Root is { Length: > 0 } configured ? configured
            : db.Provider == DatabaseProvider.Sqlite && DatabaseOptions.SqliteFolder(db.ConnectionString) is { } folder ? Path.Combine(folder, "uploads")
            : Path.Combine(env.ContentRootPath, "data", "uploads");
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>A new, empty file to receive an upload; it becomes the resource's file by <see cref="Keep"/> or is deleted.</summary>
    public string NewTemporaryPath()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, Folder, "incoming")).FullName;
        return Path.Combine(folder, $"{Guid.NewGuid():N}.part");
    }

    /// <summary>Moves a checked upload to its generated name and returns that name (what the row stores).</summary>
    public string Keep(string temporaryPath, ResourceFormat format)
    {
        var name = $"{Guid.CreateVersion7():N}{format.Extension}";
        File.Move(temporaryPath, PathOf(name));
        return name;
    }

    /// <summary>The full path of a stored name; a name that would lead out of the folder is refused (stored names are ours, so this never happens).</summary>
    public string PathOf(string storedName)
    {
        var folder = Path.Combine(Root, Folder);
        var path = Path.GetFullPath(Path.Combine(folder, storedName));
        if (Path.GetDirectoryName(path) != Path.GetFullPath(folder)) throw new InvalidOperationException($"Stored name {storedName} is not a plain file name.");
        return path;
    }

    public void Delete(string? storedName)
    {
        if (storedName is not null) TryDelete(PathOf(storedName));
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file left behind is only disk space; the row that named it is what matters.
        }
    }
}
