using Elimu.Api.Platform.Students;

namespace Elimu.Api.Data.Seeding;

/// <summary>A naming community: surnames and first names common in the region a school serves.</summary>
internal sealed record DemoCommunity(string[] Surnames, string[] Girls, string[] Boys, double LocalFirstNameShare = 0.5);

/// <summary>
/// A school, the county it is in, and the community most of its learners come from. Every school has
/// PP1 to Grade 9 (junior school sits in primary and comprehensive schools); only some have Grades 10-12.
/// </summary>
internal sealed record DemoSchool(string Name, string County, string Prefix, DemoCommunity Community, bool HasSeniorSchool = false)
{
    public string CheckedCounty { get; } = KenyaCounties.IsCounty(County)
        ? KenyaCounties.All.First(c => string.Equals(c, County, StringComparison.OrdinalIgnoreCase))
        : throw new InvalidOperationException($"{County} is not one of Kenya's counties.");
}

/// <summary>
/// Which parent account looks after which learners: <c>Own</c> are the parent's own children (same
/// surname), <c>Others</c> are children the parent is the registered guardian of.
/// </summary>
internal sealed record DemoHousehold(int ParentIndex, DemoSchool School, int Own, int Others);

/// <summary>Realistic Kenyan names by community, the demo schools and the households that fill them.</summary>
internal static class DemoNames
{
    private static readonly DemoCommunity Kikuyu = new(
        ["Kamau", "Njoroge", "Kariuki", "Waweru", "Githinji", "Muriuki", "Macharia", "Ndung'u", "Gitau", "Kimani"],
        ["Wanjiku", "Nyokabi", "Wairimu", "Njeri", "Wambui", "Muthoni", "Wangari"],
        ["Kamau", "Karanja", "Kimani", "Njenga", "Mugo", "Gachiri", "Waweru"]);
    private static readonly DemoCommunity Luo = new(
        ["Otieno", "Ochieng", "Odhiambo", "Onyango", "Owino", "Okoth", "Omondi", "Ouma", "Oduor"],
        ["Achieng", "Akinyi", "Atieno", "Auma", "Adhiambo", "Awino", "Anyango"],
        ["Otieno", "Omondi", "Ochieng", "Odhiambo", "Onyango", "Okello", "Ouma"]);
    private static readonly DemoCommunity Coast = new(
        ["Kazungu", "Baya", "Kahindi", "Katana", "Charo", "Mwamuye", "Salim", "Mohamed", "Kenga"],
        ["Zawadi", "Mwanaisha", "Rehema", "Halima", "Mapenzi", "Riziki", "Saida"],
        ["Baraka", "Juma", "Hamisi", "Salim", "Kazungu", "Rashid", "Tsuma"]);
    private static readonly DemoCommunity Kalenjin = new(
        ["Kiprono", "Cheruiyot", "Koech", "Rotich", "Langat", "Kirui", "Bett", "Kiptoo", "Ruto"],
        ["Chebet", "Jepkosgei", "Chepkoech", "Jerono", "Cherono", "Jepchirchir", "Chelangat"],
        ["Kiprop", "Kibet", "Kiplagat", "Kipchumba", "Kipkemboi", "Cheruiyot", "Kiprotich"]);
    private static readonly DemoCommunity Luhya = new(
        ["Wafula", "Wekesa", "Barasa", "Simiyu", "Makokha", "Shikuku", "Wanyama", "Were", "Khaemba"],
        ["Nafula", "Naliaka", "Nasimiyu", "Nekesa", "Khadambi", "Muhonja", "Nanjala"],
        ["Wafula", "Wekesa", "Barasa", "Juma", "Wanjala", "Masinde", "Simiyu"]);
    private static readonly DemoCommunity Kamba = new(
        ["Mutua", "Musyoka", "Kioko", "Ndunda", "Mutiso", "Wambua", "Kilonzo", "Nzioka", "Muli"],
        ["Mwikali", "Mumbua", "Ndinda", "Syokau", "Mueni", "Kanini", "Wayua"],
        ["Mutua", "Musyoka", "Kioko", "Muema", "Mutinda", "Kyalo", "Nzioki"]);
    private static readonly DemoCommunity Somali = new(
        ["Abdi", "Hassan", "Mohamed", "Farah", "Ali", "Ibrahim", "Osman", "Aden", "Noor"],
        ["Amina", "Hodan", "Fardosa", "Ayaan", "Sahra", "Ifrah", "Hamdi"],
        ["Abdi", "Yusuf", "Hussein", "Abdirahman", "Ahmed", "Mohamed", "Ismail"], LocalFirstNameShare: 1.0);
    private static readonly DemoCommunity Turkana = new(
        ["Ekai", "Lokwawi", "Ekiru", "Lomuria", "Ebei", "Lokol", "Nakiru", "Ewoi", "Lokure"],
        ["Akai", "Nakiru", "Akiru", "Nawoi", "Ekaale", "Apeyo", "Namoit"],
        ["Ekai", "Lokol", "Esekon", "Ewoi", "Lokwawi", "Ekiru", "Lotiir"], LocalFirstNameShare: 0.7);
    private static readonly DemoCommunity Kisii = new(
        ["Ombati", "Nyamweya", "Onchieku", "Mogaka", "Nyakundi", "Momanyi", "Omwenga", "Nyangau", "Bosire"],
        ["Moraa", "Kemunto", "Kerubo", "Nyaboke", "Bochaberi", "Kwamboka", "Nyanchama"],
        ["Nyakundi", "Ombati", "Mogaka", "Onyancha", "Nyamweya", "Bosire", "Ongeri"]);
    private static readonly DemoCommunity Maasai = new(
        ["Sankale", "Saitoti", "Kereto", "Nkoitiko", "Lemayian", "Parsimei", "Ole Kisio", "Koikai", "Meliyio"],
        ["Naserian", "Nashipai", "Resian", "Nalangu", "Sinyati", "Naisula", "Nanyore"],
        ["Lemayian", "Saitoti", "Sankale", "Parsimei", "Kipeen", "Lekishon", "Meiteki"], LocalFirstNameShare: 0.7);

    public static readonly string[] Girls =
        ["Faith", "Mercy", "Grace", "Joy", "Sharon", "Esther", "Purity", "Cynthia", "Ivy", "Abigail", "Neema", "Imani", "Rachel", "Lucy", "Dorcas"];
    public static readonly string[] Boys =
        ["Brian", "Kevin", "Dennis", "Collins", "Ian", "Victor", "Emmanuel", "Samuel", "Felix", "Allan", "Daniel", "Elvis", "Moses", "Peter", "Ryan"];

    public static readonly string[] LearningNeeds =
        ["reading support", "numeracy support", "hearing impairment", "low vision", "English language support",
         "speech and language support", "attention support"];

    public static readonly DemoSchool LakesideKisumu = new("Lakeside Kisumu Primary School", "Kisumu", "LKP", Luo);

    private static readonly DemoSchool KiberaHope = new("Kibera Hope Primary School", "Nairobi", "KHP", Kikuyu);
    private static readonly DemoSchool ThikaRoad = new("Thika Road Comprehensive School", "Kiambu", "TRC", Kikuyu);
    private static readonly DemoSchool MountKenyaView = new("Mt. Kenya View Primary School", "Nyeri", "MKV", Kikuyu);
    private static readonly DemoSchool NyaliBridge = new("Nyali Bridge Primary School", "Mombasa", "NBP", Coast);
    private static readonly DemoSchool KilifiCreek = new("Kilifi Creek Academy", "Kilifi", "KCA", Coast, HasSeniorSchool: true);
    private static readonly DemoSchool EldoretHighlands = new("Eldoret Highlands Primary School", "Uasin Gishu", "EHP", Kalenjin);
    private static readonly DemoSchool MenengaiView = new("Menengai View School", "Nakuru", "MVS", Kalenjin, HasSeniorSchool: true);
    private static readonly DemoSchool KakamegaForest = new("Kakamega Forest Primary School", "Kakamega", "KFP", Luhya);
    private static readonly DemoSchool MachakosGreenfields = new("Machakos Greenfields School", "Machakos", "MGS", Kamba, HasSeniorSchool: true);
    private static readonly DemoSchool KituiBaobab = new("Kitui Baobab Primary School", "Kitui", "KBP", Kamba);
    private static readonly DemoSchool GarissaRiverside = new("Garissa Riverside Primary School", "Garissa", "GRP", Somali);
    private static readonly DemoSchool LodwarSunrise = new("Lodwar Sunrise Primary School", "Turkana", "LSP", Turkana);
    private static readonly DemoSchool KisiiHighlands = new("Kisii Highlands Comprehensive School", "Kisii", "KHC", Kisii);
    private static readonly DemoSchool MaasaiPlains = new("Maasai Plains Academy", "Narok", "MPA", Maasai, HasSeniorSchool: true);

    /// <summary>64 learners: 4 for parent@ (written out in DemoStudents), 60 for parent2..parent8.</summary>
    public static readonly DemoHousehold[] Households =
    [
        new(1, KiberaHope, 3, 2), new(1, ThikaRoad, 0, 3), new(1, MountKenyaView, 0, 2),
        new(2, NyaliBridge, 2, 3), new(2, KilifiCreek, 0, 4),
        new(3, EldoretHighlands, 3, 2), new(3, MenengaiView, 0, 4),
        new(4, KakamegaForest, 2, 3), new(4, LakesideKisumu, 0, 3),
        new(5, MachakosGreenfields, 3, 1), new(5, KituiBaobab, 0, 4),
        new(6, GarissaRiverside, 2, 2), new(6, LodwarSunrise, 0, 4),
        new(7, KisiiHighlands, 2, 2), new(7, MaasaiPlains, 0, 4),
    ];

    public static string FirstName(DemoWorld world, DemoCommunity community, Gender gender)
    {
        var local = world.Chance(community.LocalFirstNameShare);
        return gender == Gender.female
            ? world.Pick(local ? community.Girls : Girls)
            : world.Pick(local ? community.Boys : Boys);
    }
}
