using Elimu.Api.Ai;

namespace Elimu.Api.Tests.Ai;

public sealed class AiPseudonymsTests
{
    [Theory]
    [InlineData(0, "Child A")]
    [InlineData(25, "Child Z")]
    [InlineData(26, "Child AA")]
    [InlineData(27, "Child AB")]
    public void Pseudonyms_count_like_spreadsheet_columns(int index, string pseudonym) => Assert.Equal(pseudonym, AiPseudonyms.Child(index));

    [Fact]
    public void Revealing_replaces_whole_pseudonyms_by_position_and_leaves_unknown_ones()
    {
        var names = Enumerable.Range(0, 28).Select(i => $"N{i}").ToList();

        var text = AiPseudonyms.Reveal("Child A and Child AB met Child B; Children A-Z, Child ZZ.", names);

        Assert.Equal("N0 and N27 met N1; Children A-Z, Child ZZ.", text);
        Assert.Equal("Child A is well.", AiPseudonyms.Reveal("Child A is well.", []));
    }
}
