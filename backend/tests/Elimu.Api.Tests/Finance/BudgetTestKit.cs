using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Finance;

/// <summary>Budgets and grants: programs, subscriptions and payments written straight to the database, and upload files.</summary>
internal static class BudgetTestKit
{
    public const string Budget = "/api/v1/partner/finance/budget";
    public const string Grants = "/api/v1/partner/finance/grants";

    public static async Task<Guid> ProgramAsync(this ElimuApiFactory api, Guid partnerId, string name)
    {
        var program = new SponsorshipProgram { PartnerId = partnerId, Name = name, Status = ProgramStatus.ACTIVE };
        await api.WithDbAsync(db => { db.Add(program); return db.SaveChangesAsync(); });
        return program.Id;
    }

    public static async Task<Guid> SubscriptionAsync(this ElimuApiFactory api, Guid partnerId, Guid programId, BillingPeriod period, decimal total,
        string currency = "KES", SubscriptionStatus status = SubscriptionStatus.ACTIVE, DateTime? nextBillingUtc = null)
    {
        var s = new PartnerSubscription
        {
            PartnerId = partnerId, ProgramId = programId, BillingPeriod = period, TotalAmount = total, Currency = currency, Status = status,
            NextBillingDate = nextBillingUtc,
        };
        await api.WithDbAsync(db => { db.Add(s); return db.SaveChangesAsync(); });
        return s.Id;
    }

    public static Task PaymentAsync(this ElimuApiFactory api, Guid partnerId, Guid subscriptionId, decimal amount, string currency,
        PaymentStatus status, DateTime? paidAtUtc, DateTime? createdUtc = null) =>
        api.WithDbAsync(db =>
        {
            db.Add(new PartnerPayment
            {
                PartnerId = partnerId, SubscriptionId = subscriptionId, Amount = amount, Currency = currency, Status = status, PaidAt = paidAtUtc,
                CreatedAt = createdUtc ?? paidAtUtc ?? DateTime.UtcNow, PeriodStart = paidAtUtc ?? DateTime.UtcNow, PeriodEnd = (paidAtUtc ?? DateTime.UtcNow).AddMonths(1),
            });
            return db.SaveChangesAsync();
        });

    /// <summary>A Nairobi wall-clock moment as UTC.</summary>
    public static DateTime Nairobi(int y, int m, int d, int h = 12, int min = 0) =>
        NairobiTime.StartOfDayUtc(new DateOnly(y, m, d)).AddHours(h).AddMinutes(min);

    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }


    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static byte[] Docx(bool withMacros = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in new[] { "[Content_Types].xml", "word/document.xml" }.Concat(withMacros ? ["word/vbaProject.bin"] : []))
            {
                using var w = new StreamWriter(zip.CreateEntry(part).Open());
                w.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    public static MultipartFormDataContent File(string name, byte[] bytes, string type = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        form.Add(part, "file", name);
        return form;
    }
}
