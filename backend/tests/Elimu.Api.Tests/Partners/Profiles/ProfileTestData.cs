using System.Net.Http.Headers;
using Elimu.Api.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Elimu.Api.Tests.Partners.Profiles;

internal static class ProfileTestData
{
    public const string Profile = "/api/v1/partner/account/profile";
    public const string Logo = "/api/v1/partner/account/profile/logo";
    public const string Banner = "/api/v1/partner/account/profile/banner";
    public const string Onboarding = "/api/v1/partner/account/profile/onboarding";
    public const string SignUp = "/api/v1/auth/signup/partner";

    /// <summary>Every editable field, valid, as a person would type it.</summary>
    public static object FullProfile(string name = "Mwangaza Learning Trust") => new
    {
        organizationName = name, organizationType = "NGO", displayName = "Mwangaza", bio = "We sponsor learners in Kisumu.",
        tagline = "Every child reads", contactPerson = "Achieng Otieno", contactEmail = "info@mwangaza.or.ke",
        contactPhone = "0712 345 678",
        address = new { line1 = "Oginga Odinga Street 12", line2 = (string?)null, city = "Kisumu", county = "kisumu", postalCode = "40100", country = "Kenya" },
        website = "mwangaza.or.ke",
        socialLinks = new { twitter = "https://x.com/mwangaza", facebook = (string?)null, linkedIn = "linkedin.com/company/mwangaza", instagram = (string?)null },
        registrationNumber = "OP.218/051/2019/0123", taxId = "p051234567x", taxExempt = true,
        specializations = new[] { "Literacy", "STEM", "literacy" },
        brandingConfig = new { primaryColor = "#b00000", secondaryColor = "#1f2937", reportFooter = "Mwangaza Learning Trust, Kisumu" },
    };

    public static byte[] Png(int width, int height, bool withExif = false) => Encode(width, height, withExif, new PngEncoder());

    public static byte[] Jpeg(int width, int height, bool withExif = false) => Encode(width, height, withExif, new JpegEncoder());

    private static byte[] Encode(int width, int height, bool withExif, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 20, 20));
        if (withExif)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Secret Photographer");
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "S");
        }
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    public static Task<HttpResponseMessage> UploadAsync(this ApiClient client, string url, byte[] bytes, string fileName = "logo.png",
        string contentType = "image/png")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return client.Http.PostAsync(url, form);
    }

    public static Task<HttpResponseMessage> PatchAsync(this ApiClient client, string url, object body) =>
        client.Http.PatchAsync(url, System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json));

    /// <summary>A browser on the sign-up page: it has asked the API who it is, so it holds the antiforgery token.</summary>
    public static async Task<ApiClient> AnonymousAsync(this ElimuApiFactory api)
    {
        var client = api.CreateApiClient();
        await client.GetAsync("/api/v1/auth/me");
        return client;
    }

    public static object SignUpBody(string email, string password = TestUsers.Password, string organization = "Jua Kali Foundation") => new
    {
        organizationName = organization, organizationType = "Foundation", fullName = "Wanjiru Kamau", email, password, contactPhone = "+254 712 000 111",
    };
}
