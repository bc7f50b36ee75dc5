using Elimu.Api.Data;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>
/// Where letter PDFs live: <c>Letters:Directory</c>, else a <c>letters</c> folder beside the SQLite database, else
/// data/letters under the content root; one folder per batch, one file per letter named by the letter's id (a GUID, so no
/// name a user chose ever becomes a path). Files, not database rows: a program's letters are hundreds of megabytes,
/// which would swell the SQLite file and its WAL, and the ZIP is streamed from the files one by one.
/// </summary>
public sealed class ProgressLetterFiles
{
    public ProgressLetterFiles(IConfiguration configuration, IOptions<DatabaseOptions> database, IHostEnvironment host)
    {
        var db = database.Value;
        Root = configuration["Letters:Directory"] is { Length: > 0 } configured ? Path.GetFullPath(configured)
            : db.Provider == DatabaseProvider.Sqlite && DatabaseOptions.SqliteFolder(db.ConnectionString) is { } folder ? Path.Combine(folder, "letters")
            : Path.Combine(host.ContentRootPath, "data", "letters");
    }

    public string Root { get; }

    public string PathOf(Guid batchId, Guid letterId) => Path.Combine(Root, batchId.ToString("N"), letterId.ToString("N") + ".pdf");

    public async Task WriteAsync(Guid batchId, Guid letterId, byte[] pdf, CancellationToken ct)
    {
        var path = PathOf(batchId, letterId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf, ct);
    }

    public Stream OpenRead(Guid batchId, Guid letterId) =>
        new FileStream(PathOf(batchId, letterId), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Removes a batch's files (a run that starts again, or a cancelled one): its letters are written anew.</summary>
    public void DeleteBatch(Guid batchId)
    {
        var folder = Path.Combine(Root, batchId.ToString("N"));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
