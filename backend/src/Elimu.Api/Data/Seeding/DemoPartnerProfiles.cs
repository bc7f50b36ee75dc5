using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Profiles;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// The two organisations: Tumaini Education Fund (the demo partner, every profile field filled) and
/// Mwangaza Telecom Foundation (the second partner that ownership tests need).
/// </summary>
internal static class DemoPartnerProfiles
{
    public const string PartnerName = "Tumaini Education Fund";
    public const string Partner2Name = "Mwangaza Telecom Foundation";

    public static void Add(DemoWorld world, DemoPeople people)
    {
        world.Db.PartnerProfiles.AddRange(
            new PartnerProfile
            {
                UserId = people.Partner.Id,
                Members = [PartnerTeamMember.Founder(people.Partner.Id)],
                OrganizationName = PartnerName,
                OrganizationType = OrganizationType.NGO,
                DisplayName = "Tumaini Education Fund",
                Tagline = "Every child learning, every day.",
                Bio = "Tumaini Education Fund is a Kenyan non-profit founded in 2014 that keeps children in "
                    + "under-resourced public schools learning. We sponsor learners in the Lake Region and beyond, "
                    + "fund reading circles and numeracy clubs, and work with parents and teachers so that every "
                    + "sponsored child reaches the CBC expectations for their grade.",
                LogoUrl = "https://cdn.elimu.demo/partners/tumaini/logo.png",
                BannerUrl = "https://cdn.elimu.demo/partners/tumaini/banner.jpg",
                ContactPerson = people.Partner.FullName,
                ContactEmail = "programmes@tumaini.demo",
                ContactPhone = "+254722000410",
                Address = new PostalAddress
                {
                    Line1 = "Tumaini House, 3rd Floor", Line2 = "Ngong Road, Kilimani",
                    City = "Nairobi", County = "Nairobi", PostalCode = "00100", Country = "Kenya",
                },
                Website = "https://tumaini.demo",
                SocialLinks = new SocialLinks
                {
                    Twitter = "https://x.com/TumainiEduFund",
                    Facebook = "https://www.facebook.com/TumainiEducationFund",
                    LinkedIn = "https://www.linkedin.com/company/tumaini-education-fund",
                    Instagram = "https://www.instagram.com/tumaini.edufund",
                },
                RegistrationNumber = "OP.218/051/14-0457/9123",
                TaxId = "P051234567X",
                TaxExempt = true,
                Specializations = ["Early-grade literacy", "Numeracy", "Girls' education", "STEM",
                    "Learners with special needs", "Digital learning"],
                PartnershipTier = PartnershipTier.premium,
                OnboardingCompleted = true,
                OnboardingStep = 5,
                BrandingConfig = new BrandingConfig
                {
                    PrimaryColor = "#0F766E", SecondaryColor = "#F59E0B",
                    LogoUrl = "https://cdn.elimu.demo/partners/tumaini/logo-report.png",
                    ReportFooter = "Tumaini Education Fund · NGO Reg. OP.218/051/14-0457/9123 · Every child learning, every day.",
                },
                CreatedAt = people.Partner.CreatedAt,
                UpdatedAt = world.AtDaysAgo(9),
            },
            new PartnerProfile
            {
                UserId = people.Partner2.Id,
                Members = [PartnerTeamMember.Founder(people.Partner2.Id)],
                OrganizationName = Partner2Name,
                OrganizationType = OrganizationType.Corporate,
                DisplayName = "Mwangaza Foundation",
                Tagline = "Connecting classrooms from the coast to the Rift.",
                Bio = "The education arm of Mwangaza Telecom PLC. We fund data bundles, tablets and learning "
                    + "subscriptions for learners in Coast and Rift Valley counties.",
                LogoUrl = "https://cdn.elimu.demo/partners/mwangaza/logo.png",
                BannerUrl = "https://cdn.elimu.demo/partners/mwangaza/banner.jpg",
                ContactPerson = people.Partner2.FullName,
                ContactEmail = "foundation@mwangaza.demo",
                ContactPhone = "+254733000512",
                Address = new PostalAddress
                {
                    Line1 = "Mwangaza Towers", Line2 = "Mombasa Road", City = "Nairobi",
                    County = "Nairobi", PostalCode = "00200", Country = "Kenya",
                },
                Website = "https://mwangaza.demo/foundation",
                SocialLinks = new SocialLinks { Twitter = "https://x.com/MwangazaFdn", LinkedIn = "https://www.linkedin.com/company/mwangaza-foundation" },
                RegistrationNumber = "PVT-AAB1234567",
                TaxId = "P052345678Y",
                TaxExempt = false,
                Specializations = ["Digital learning", "STEM", "Connectivity"],
                PartnershipTier = PartnershipTier.enterprise,
                OnboardingCompleted = true,
                OnboardingStep = 5,
                BrandingConfig = new BrandingConfig { PrimaryColor = "#1D4ED8", SecondaryColor = "#FACC15" },
                CreatedAt = people.Partner2.CreatedAt,
                UpdatedAt = world.AtDaysAgo(30),
            });
    }
}
