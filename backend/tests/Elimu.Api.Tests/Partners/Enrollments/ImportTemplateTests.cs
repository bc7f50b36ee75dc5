using System.Net;
using System.Text;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Partners.Enrollments;

/// <summary>The CSV template carries a program name the partner typed; it must reach Excel as text, never as a formula.</summary>
public sealed class ImportTemplateTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Theory]
    [InlineData(";=1+1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("'=1+1")]
    public async Task A_program_name_that_is_a_formula_is_neutralised_in_the_csv_template(string name)
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        await ImportTestData.CreateProgramAsync(client, name);

        var response = await client.GetAsync("/api/v1/partner/enrollments/template?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        var quoted = "\"'" + name.Replace("\"", "\"\"") + "\"";
        Assert.EndsWith("," + quoted, lines[1]);
        Assert.EndsWith("," + quoted, lines[2]);
    }
}
