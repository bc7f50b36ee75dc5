using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform.Learning;

/// <summary>A CBC learning area as the platform names it: its code, its name and what it covers.</summary>
public sealed record CbcLearningArea(string Code, string Name, string Description);

/// <summary>The platform's CBC learning areas and the grades that take each; the one list the seed and the API read.</summary>
public static class CbcLearningAreas
{
    public static readonly IReadOnlyList<CbcLearningArea> All =
    [
        new("MATH", "Mathematics", "Numbers, measurement, geometry, algebra and data handling."),
        new("ENG", "English", "Listening, speaking, reading and writing in English."),
        new("KIS", "Kiswahili", "Kusikiliza, kuzungumza, kusoma na kuandika kwa Kiswahili."),
        new("SCI", "Science & Technology", "Environmental activities, science, technology and computing."),
        new("SST", "Social Studies", "People, places, citizenship and Kenya's history and government."),
        new("CRE", "Religious Education", "Christian Religious Education: values, scripture and moral choices."),
        new("CA", "Creative Arts", "Art and craft, music, drama and physical education."),
        new("AGR", "Agriculture & Nutrition", "Growing food, caring for animals, nutrition and home science."),
    ];

    public static CbcLearningArea? ByCode(string? code) => All.FirstOrDefault(a => a.Code == code);

    /// <summary>Pre-primary takes five areas, lower primary all but Social Studies and Agriculture, senior school drops Creative Arts and Agriculture.</summary>
    public static bool Taught(string code, CbcGrade grade) => grade switch
    {
        <= CbcGrade.PP2 => code is "MATH" or "ENG" or "KIS" or "CA" or "CRE",
        <= CbcGrade.Grade3 => code is not ("SST" or "AGR"),
        <= CbcGrade.Grade9 => true,
        _ => code is not ("CA" or "AGR"),
    };

    /// <summary>"PP1", "Grade 4": how teachers write a grade.</summary>
    public static string GradeLabel(CbcGrade grade) => grade switch
    {
        CbcGrade.PP1 or CbcGrade.PP2 => grade.ToString(),
        _ => $"Grade {(int)grade - 1}",
    };
}
