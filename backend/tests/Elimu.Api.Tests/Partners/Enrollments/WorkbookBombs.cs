using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Elimu.Api.Tests.Partners.Enrollments;

/// <summary>
/// Hostile workbooks, built in memory as the attacks were: a few hundred KB on the wire that expand to hundreds of MB,
/// or that make a reader do millions of rows' work. Nothing big is committed; each is written as a stream.
/// </summary>
public static class WorkbookBombs
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string HeaderRow =
        """<row r="1"><c r="A1" t="inlineStr"><is><t>student_id</t></is></c><c r="B1" t="inlineStr"><is><t>program</t></is></c></row>""";

    /// <summary>A shared-strings part of one string of <paramref name="expandedBytes"/> letters (the 206 KB / 200 MB attack).</summary>
    public static byte[] SharedStrings(long expandedBytes) => Workbook(
        sheet => Write(sheet, $"""<worksheet xmlns="{Ns}"><sheetData>{HeaderRow}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>"""),
        shared =>
        {
            Write(shared, $"""<sst xmlns="{Ns}" count="1" uniqueCount="1"><si><t>""");
            Repeat(shared, (byte)'A', expandedBytes);
            Write(shared, "</t></si></sst>");
        });

    /// <summary>
    /// As much as the limits let through: about 30 MB of shared strings, varied enough to compress less than 100 to 1,
    /// and a sheet of 20,000 rows that use them. Not an attack the guard can refuse; the measure of the worst it allows.
    /// </summary>
    public static byte[] AtTheLimits() => Workbook(
        sheet =>
        {
            Write(sheet, $"""<worksheet xmlns="{Ns}"><sheetData>{HeaderRow}""");
            for (var r = 2; r <= 20_001; r++) Write(sheet, $"""<row r="{r}"><c r="A{r}" t="s"><v>{r}</v></c><c r="B{r}" t="s"><v>{r + 20_000}</v></c></row>""");
            Write(sheet, "</sheetData></worksheet>");
        },
        shared =>
        {
            const int strings = 440_000;
            Write(shared, $"""<sst xmlns="{Ns}" count="{strings}" uniqueCount="{strings}">""");
            for (var i = 0; i < strings; i++) Write(shared, $"<si><t>Learner {i * 7919 % 1_000_003:D7} of Example Primary School</t></si>");
            Write(shared, "</sst>");
        });

    /// <summary>A header, then <paramref name="rows"/> empty rows (the 642 KB / 30 million rows attack).</summary>
    public static byte[] EmptyRows(int rows) => Workbook(sheet =>
    {
        Write(sheet, $"""<worksheet xmlns="{Ns}"><sheetData>{HeaderRow}""");
        var empty = Encoding.ASCII.GetBytes("<row/>");
        var block = Enumerable.Repeat(empty, 10_000).SelectMany(b => b).ToArray();
        for (var written = 0; written < rows; written += 10_000) sheet.Write(block, 0, Math.Min(10_000, rows - written) * empty.Length);
        Write(sheet, "</sheetData></worksheet>");
    });

    /// <summary>A tiny sheet whose second row is numbered <paramref name="rowNumber"/>: a reader fills the gap with blank rows.</summary>
    public static byte[] FarRow(int rowNumber) => Sheet(
        $"""{HeaderRow}<row r="{rowNumber}"><c r="A{rowNumber}" t="inlineStr"><is><t>{Guid.NewGuid()}</t></is></c></row>""");

    /// <summary>The far row again, in a sheet kept outside xl/worksheets/, where the workbook's relationships may put it.</summary>
    public static byte[] FarRowElsewhere(int rowNumber) => Workbook(sheet => Write(sheet,
        $"""<worksheet xmlns="{Ns}"><sheetData>{HeaderRow}<row r="{rowNumber}"><c r="A{rowNumber}" t="inlineStr"><is><t>{Guid.NewGuid()}</t></is></c></row></sheetData></worksheet>"""),
        sheetPath: "xl/elsewhere/data.xml");

    /// <summary>A sheet whose header reaches column XFD, the last one: a reader widens every row to it.</summary>
    public static byte[] FarColumn(int rows) => Sheet(
        """<row r="1"><c r="A1" t="inlineStr"><is><t>student_id</t></is></c><c r="B1" t="inlineStr"><is><t>program</t></is></c>"""
        + """<c r="XFD1" t="inlineStr"><is><t>note</t></is></c></row>"""
        + string.Concat(Enumerable.Range(2, rows).Select(r =>
            $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{Guid.NewGuid()}</t></is></c><c r="B{r}" t="inlineStr"><is><t>Lake</t></is></c></row>""")));

    /// <summary>A small sheet that declares a used range of <paramref name="dimension"/>.</summary>
    public static byte[] Dimension(string dimension) => Workbook(sheet => Write(sheet,
        $"""<worksheet xmlns="{Ns}"><dimension ref="{dimension}"/><sheetData>{HeaderRow}{DataRow(2)}</sheetData></worksheet>"""));

    /// <summary>A valid one-row workbook padded with <paramref name="extraParts"/> tiny parts.</summary>
    public static byte[] ManyParts(int extraParts) => Workbook(
        sheet => Write(sheet, $"""<worksheet xmlns="{Ns}"><sheetData>{HeaderRow}{DataRow(2)}</sheetData></worksheet>"""),
        extraParts: extraParts);

    /// <summary>
    /// The shared-strings bomb with its declared sizes rewritten to <paramref name="claimed"/> bytes, in the local header
    /// and the central directory: a check that trusts the header lets it through.
    /// </summary>
    public static byte[] LyingHeaders(long expandedBytes, int claimed)
    {
        var zip = SharedStrings(expandedBytes);
        var name = Encoding.ASCII.GetBytes("xl/sharedStrings.xml");
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), (uint)claimed);
            if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), (uint)claimed);
        }
        return zip;
    }

    private static string DataRow(int r) =>
        $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{Guid.NewGuid()}</t></is></c><c r="B{r}" t="inlineStr"><is><t>Lake</t></is></c></row>""";

    private static byte[] Sheet(string rows) =>
        Workbook(sheet => Write(sheet, $"""<worksheet xmlns="{Ns}"><sheetData>{rows}</sheetData></worksheet>"""));

    /// <summary>The least a reader needs: content types, the package and workbook relationships, one sheet.</summary>
    private static byte[] Workbook(Action<Stream> sheet, Action<Stream>? sharedStrings = null, int extraParts = 0,
        string sheetPath = "xl/worksheets/sheet1.xml")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, Action<Stream> write)
            {
                using var stream = zip.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                write(stream);
            }
            Part("[Content_Types].xml", s => Write(s,
                """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
                + """<Default Extension="xml" ContentType="application/xml"/>"""
                + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
                + $"""<Override PartName="/{sheetPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""
                + (sharedStrings is null ? "" : """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""")
                + "</Types>"));
            Part("_rels/.rels", s => Write(s,
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part("xl/workbook.xml", s => Write(s,
                $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"""
                + """<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part("xl/_rels/workbook.xml.rels", s => Write(s,
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + $"""<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/{sheetPath}"/>"""
                + (sharedStrings is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""")
                + "</Relationships>"));
            Part(sheetPath, sheet);
            if (sharedStrings is not null) Part("xl/sharedStrings.xml", sharedStrings);
            for (var i = 0; i < extraParts; i++) Part($"docProps/extra{i}.xml", s => Write(s, "<x/>"));
        }
        return buffer.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void Repeat(Stream stream, byte value, long count)
    {
        var block = new byte[1024 * 1024];
        Array.Fill(block, value);
        for (long written = 0; written < count; written += block.Length) stream.Write(block, 0, (int)Math.Min(block.Length, count - written));
    }
}
