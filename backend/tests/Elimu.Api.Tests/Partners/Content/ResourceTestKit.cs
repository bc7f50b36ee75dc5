using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Elimu.Api.Tests.Infrastructure;
using PdfSharp.Drawing;

namespace Elimu.Api.Tests.Partners.Content;

/// <summary>Gives each host its own uploads folder, so a test can look at what was written and nothing lands in the repo.</summary>
public sealed class ResourceApiFactory : ElimuApiFactory
{
    public string UploadsRoot { get; } = Path.Combine(Path.GetTempPath(), $"elimu-uploads-{Guid.NewGuid():N}");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Uploads:Root"] = UploadsRoot };

    public string[] StoredFiles() =>
        Directory.Exists(UploadsRoot) ? Directory.GetFiles(UploadsRoot, "*", SearchOption.AllDirectories) : [];
}

/// <summary>Small files of each accepted kind, made of the bytes that kind starts with (and for Office, the parts its zip holds).</summary>
internal static class ResourceFiles
{
    public const string Resources = "/api/v1/partner/content/resources";
    public const string Review = "/api/v1/admin/resources";

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, .. new byte[64]];
    public static byte[] Mp4() => [0x00, 0x00, 0x00, 0x18, .. "ftypisom"u8, 0x00, 0x00, 0x02, 0x00, .. "isomiso2"u8, .. new byte[64]];
    public static byte[] Mp3() => [.. "ID3"u8, 0x04, 0x00, 0x00, .. new byte[64]];
    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[60], .. "This program cannot be run in DOS mode"u8];

    /// <summary>A real PDF of <paramref name="pages"/> pages (PDFsharp), each with a grey box and no image.</summary>
    public static byte[] Pdf(int pages = 1)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        for (var i = 0; i < pages; i++)
        {
            // A rectangle needs no font, so the test does not depend on the API having installed its embedded one.
            using var gfx = XGraphics.FromPdfPage(document.AddPage());
            gfx.DrawRectangle(XBrushes.LightGray, 50, 50, 200, 100);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>A zip with the named parts (each a little XML).</summary>
    public static byte[] Zip(params string[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var part in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open(), Encoding.UTF8);
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        return buffer.ToArray();
    }

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    public static byte[] Pptx() => Zip("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/slides/slide1.xml");
    public static byte[] Xlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    /// <summary>The upload form: the file in <c>file</c>, declared as <paramref name="declaredType"/> (which the API ignores), and the fields.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string declaredType = "application/octet-stream",
        params (string Name, string Value)[] fields) => Form(new ByteArrayContent(bytes), fileName, declaredType, fields);

    public static MultipartFormDataContent Form(HttpContent file, string fileName, string declaredType, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return form;
    }
}
