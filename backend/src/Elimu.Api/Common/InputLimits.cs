namespace Elimu.Api.Common;

/// <summary>
/// The bounds on what a client may send, one place per concept. Validation (<see cref="Validation"/>'s Text, Money,
/// Date and Within) and the query-string guard read them, so every route refuses the same things with the same words.
/// </summary>
public static class InputLimits
{
    /// <summary>Names, titles, short labels.</summary>
    public const int ShortText = 200;
    /// <summary>Descriptions, notes, reasons: a few paragraphs.</summary>
    public const int LongText = 4_000;
    /// <summary>Codes such as a learning area or a currency.</summary>
    public const int CodeText = 20;
    /// <summary>Any string in a query string (search terms, filters).</summary>
    public const int QueryText = 200;

    /// <summary>Money: more than zero, whole cents, below a sum no price or payment of this product comes near.</summary>
    public const decimal MaxAmount = 10_000_000m;
    public const int AmountDecimals = 2;

    /// <summary>Dates a person types (program terms, goal deadlines): this century, give or take.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>Children a program may hold; also bounds its minimum.</summary>
    public const int MaxChildrenPerProgram = 10_000;

    /// <summary>The highest page a list serves: page × 100 stays far inside an int.</summary>
    public const int MaxPage = 1_000_000;
}
