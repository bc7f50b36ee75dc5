using System.Text;
using Elimu.Api.Common;

namespace Elimu.Api.Tests.Common;

/// <summary>The rule the API's CSV files follow (the front end's lib/csv.ts follows the same one).</summary>
public sealed class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-1+1", "\"'-1+1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData(";=1+1", "\"';=1+1\"")]
    [InlineData(" =1+1", "\"' =1+1\"")]
    [InlineData("\"=1+1", "\"'\"\"=1+1\"")]
    [InlineData("'=1+1", "\"''=1+1\"")]
    [InlineData(",=1+1", "\"',=1+1\"")]
    [InlineData("-12.5", "\"'-12.5\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")]
    public void A_formula_is_prefixed_with_a_quote_mark_and_quoted(string cell, string written)
    {
        Assert.True(SpreadsheetCsv.LooksLikeFormula(cell));
        Assert.Equal(written, SecondCell(cell));
    }

    [Theory]
    [InlineData("Nairobi Readers", "Nairobi Readers")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("1+1=2", "1+1=2")]
    [InlineData("user@example.org", "user@example.org")]
    [InlineData("", "")]
    public void Other_text_is_written_as_it_is_quoted_when_it_holds_a_separator(string cell, string written) =>
        Assert.Equal(written, SecondCell(cell));

    /// <summary>Writes "x,&lt;cell&gt;" and returns what follows the first comma of the data line.</summary>
    private static string SecondCell(string cell)
    {
        var text = Encoding.UTF8.GetString(SpreadsheetCsv.Write(["a", "b"], [["x", cell]])).TrimStart('\uFEFF');
        var line = text[(text.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
        return line[2..^2];
    }
}
