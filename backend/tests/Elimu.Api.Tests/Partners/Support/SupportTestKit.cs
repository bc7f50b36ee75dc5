using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Partners.Support;

internal static class SupportTestKit
{
    public const string Tickets = "/api/v1/partner/support/tickets";
    public const string Queue = "/api/v1/admin/support/tickets";

    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>Opens a ticket as JSON (the contract's body); returns the 201 body.</summary>
    public static async Task<JsonElement> OpenTicketAsync(this ApiClient partner, string subject = "Question about the dashboard",
        string description = "How do I read the cohort chart?", string? category = null, string? priority = null)
    {
        var response = await partner.PostAsync(Tickets, new { subject, description, category, priority });
        var body = await response.JsonAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"open ticket: {(int)response.StatusCode} {body}");
        return body;
    }

    public static Guid IdOf(this JsonElement ticket) => ticket.GetProperty("id").GetGuid();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    /// <summary>A multipart form with the fields and the files (name, bytes).</summary>
    public static MultipartFormDataContent Form(IDictionary<string, string> fields, params (string Name, byte[] Bytes, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (name, bytes, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }
        return form;
    }

    public static async Task<JsonElement> OkJsonAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await call;
        var body = await response.JsonAsync();
        if (response.StatusCode != expected) throw new InvalidOperationException($"expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return body;
    }
}
