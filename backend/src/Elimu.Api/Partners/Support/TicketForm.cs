using System.Text.Json;
using Elimu.Api.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Elimu.Api.Partners.Support;

/// <summary>
/// Reads a ticket or a reply either as JSON (the contract's body, without files) or as multipart/form-data with the same
/// fields and up to <see cref="TicketFileRules.MaxFiles"/> files in <c>files</c>. Read by hand, as the enrollment upload
/// is (ImportUploadForm): one route takes both, the app's X-XSRF-TOKEN check guards it, and the body limit is raised
/// only for a form, only as far as the files may need.
/// </summary>
public static class TicketForm
{
    private const long Slack = 64 * 1024;

    public static async Task<(T Body, IReadOnlyList<TicketFile> Files)> ReadAsync<T>(HttpRequest request, Func<IFormCollection, T> fromForm,
        CancellationToken ct) where T : class
    {
        if (request.HasJsonContentType())
        {
            try
            {
                var body = await request.ReadFromJsonAsync<T>(ct);
                return (body ?? throw Invalid("body", "Send the ticket's fields as a JSON object."), []);
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException("The JSON body could not be read.", StatusCodes.Status400BadRequest, e);
            }
        }
        if (!request.HasFormContentType)
            throw new BadHttpRequestException("Send JSON, or multipart/form-data with files.", StatusCodes.Status415UnsupportedMediaType);

        LimitBody(request);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw Invalid("files", $"The upload is too large or unreadable: at most {TicketFileRules.MaxFiles} files of "
                + $"{TicketFileRules.MaxFileBytes / (1024 * 1024)} MB each.");
        }
        var files = await TicketFileRules.CheckAsync(form.Files.GetFiles("files").Concat(form.Files.GetFiles("file")).ToList(), ct);
        return (fromForm(form), files);
    }

    /// <summary>A form's enum field by name only (a number is not a name), or null when absent or blank.</summary>
    public static TEnum? Enum<TEnum>(IFormCollection form, string field) where TEnum : struct, Enum
    {
        var text = form[field].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!int.TryParse(text, out _) && System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: false, out var value) && System.Enum.IsDefined(value))
            return value;
        throw Invalid(field, $"Choose one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    private static ValidationFailedException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private static void LimitBody(HttpRequest request)
    {
        var limit = TicketFileRules.MaxFiles * TicketFileRules.MaxFileBytes + Slack;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = limit, ValueCountLimit = 16, MultipartHeadersCountLimit = 8,
            ValueLengthLimit = TicketLimits.TextLength * 4,
        }));
    }

    /// <summary>Documents both bodies: the JSON of <typeparamref name="T"/>, and the same fields as a form with files.</summary>
    public static RouteHandlerBuilder AcceptsTicketForm<T>(this RouteHandlerBuilder route, params string[] formFields) where T : notnull =>
        route.Accepts<T>("application/json", "multipart/form-data").AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody is OpenApiRequestBody body && body.Content is { } content)
            {
                var properties = formFields.ToDictionary(f => f, IOpenApiSchema (f) => new OpenApiSchema { Type = JsonSchemaType.String });
                properties["files"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    Description = $"{TicketFileRules.Allowed}; at most {TicketFileRules.MaxFiles} files of {TicketFileRules.MaxFileBytes / (1024 * 1024)} MB.",
                };
                content["multipart/form-data"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties } };
            }
            return Task.CompletedTask;
        });
}
