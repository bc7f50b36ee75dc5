using System.Security.Cryptography;
using System.Text;
using Elimu.Api.Common;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// The words a guardian agrees to, in English and in Kiswahili (<see cref="ConsentTextKiswahili"/>). Both renderings are
/// stored on each consent row when it is asked, so a later change of wording never alters what someone signed; bump
/// <see cref="Version"/> whenever either template changes (the two are translations of one version).
/// </summary>
public static class ConsentText
{
    public const string Version = "2026-01";

    public static readonly IReadOnlyList<string> WhatThePartnerSees =
    [
        "Name, grade, school and county",
        "Lessons completed, scores and CBC rubric levels",
        "Time spent learning and learning streaks",
        "Certificates, badges and milestones",
        "Goals set by the sponsor, and AI-written learning insights",
    ];

    /// <summary>The guardian's-eye list of what stays private; keep it in step with the sentence in <see cref="Render(string, string, string, string)"/>.</summary>
    public static readonly IReadOnlyList<string> WhatThePartnerDoesNotSee =
    [
        "Your contact details",
        "Your child's messages",
        "Anything about other family members",
    ];

    public static IReadOnlyList<string> SeesIn(Language language) =>
        language == Language.sw ? ConsentTextKiswahili.WhatThePartnerSees : WhatThePartnerSees;

    public static IReadOnlyList<string> DoesNotSeeIn(Language language) =>
        language == Language.sw ? ConsentTextKiswahili.WhatThePartnerDoesNotSee : WhatThePartnerDoesNotSee;

    public static string Render(Language language, string partnerName, string programName, string childName, string guardianName) =>
        language == Language.sw
            ? ConsentTextKiswahili.Render(partnerName, programName, childName, guardianName)
            : Render(partnerName, programName, childName, guardianName);

    public static string Render(string partnerName, string programName, string childName, string guardianName) =>
        $"""
        I, {guardianName}, am a parent or guardian of {childName}. {partnerName} sponsors {childName}'s learning on Elimu through the program "{programName}".

        I agree that, for as long as this consent stands, {partnerName} may see the following about {childName}:
        {string.Join("\n", WhatThePartnerSees.Select(item => "- " + item))}

        {partnerName} will not see my contact details, my child's messages, or anything about other family members, and may not share my child's data outside its own organisation except as anonymous totals in reports.

        I can withdraw this consent at any time from my Elimu parent dashboard. Withdrawal takes effect immediately: {partnerName} stops seeing my child's data at once and it is removed from their reports and exports. Withdrawing does not end my child's access to Elimu.

        I sign by ticking the box and typing my full name.
        """;

    /// <summary>
    /// The SHA-256 of the exact words (UTF-8), lower-case hex: kept with a signature and written to the audit, so the
    /// text someone signed can be shown to be the one stored.
    /// </summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
