namespace Elimu.Api.Partners.Consent;

/// <summary>
/// The consent text in Kiswahili: the same promises as the English text, sentence by sentence, in the plain Kiswahili
/// a parent in Kenya reads (an organisation's name takes the i- agreement: "Shirika X inafadhili"). It is a translation
/// of <see cref="ConsentText.Version"/>: change both together and bump the version.
/// </summary>
public static class ConsentTextKiswahili
{
    public static readonly IReadOnlyList<string> WhatThePartnerSees =
    [
        "Jina, darasa, shule na kaunti",
        "Masomo aliyokamilisha, alama zake na viwango vya tathmini vya CBC",
        "Muda anaotumia kusoma na siku mfululizo za kusoma",
        "Vyeti, beji na hatua muhimu alizofikia",
        "Malengo yaliyowekwa na mfadhili, na maelezo kuhusu masomo yake yaliyoandikwa na AI (akili bandia)",
    ];

    public static readonly IReadOnlyList<string> WhatThePartnerDoesNotSee =
    [
        "Namba yako ya simu na maelezo yako mengine ya mawasiliano",
        "Jumbe za mtoto wako",
        "Chochote kuhusu wanafamilia wengine",
    ];

    public static string Render(string partnerName, string programName, string childName, string guardianName) =>
        $"""
        Mimi, {guardianName}, ni mzazi au mlezi wa {childName}. {partnerName} inafadhili masomo ya {childName} kwenye Elimu kupitia mpango wa "{programName}".

        Ninakubali kwamba, maadamu idhini hii bado ipo, {partnerName} inaweza kuona taarifa zifuatazo kuhusu {childName}:
        {string.Join("\n", WhatThePartnerSees.Select(item => "- " + item))}

        {partnerName} haitaona namba yangu ya simu wala maelezo yangu mengine ya mawasiliano, jumbe za mtoto wangu, wala chochote kuhusu wanafamilia wengine. Pia hairuhusiwi kutoa taarifa za mtoto wangu nje ya shirika lake, isipokuwa kama jumla za takwimu katika ripoti, bila kumtaja mtoto yeyote.

        Ninaweza kuondoa idhini hii wakati wowote kupitia ukurasa wangu wa mzazi kwenye Elimu. Nikiiondoa, {partnerName} itaacha kuona taarifa za mtoto wangu papo hapo, na taarifa hizo zitaondolewa kwenye ripoti zake na kwenye faili za data inazopakua. Kuondoa idhini hakumzuii mtoto wangu kuendelea kusoma kwenye Elimu.

        Ninatia sahihi kwa kuweka alama kwenye kisanduku na kuandika jina langu kamili.
        """;
}
