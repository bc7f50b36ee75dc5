using Elimu.Api.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>The multipart form of both import routes: <c>file</c>, and <c>programId</c> for rows that name no program.</summary>
public sealed record ImportUpload(ImportFile File, string? ProgramId);

/// <summary>
/// Reads the import form by hand rather than binding an IFormFile parameter. A bound form makes routing reject any other
/// content type before the handler runs (the request then falls through to the /api 404 fallback, "no such route"), and
/// makes the framework demand its own antiforgery middleware. Read here, a JSON body or a broken multipart body is a
/// plain 400 on <c>file</c>, and the app's X-XSRF-TOKEN check (UseElimuAntiforgery) is the one that guards the upload.
/// </summary>
public static class ImportUploadForm
{
    public static async Task<ImportUpload> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) ImportFileReader.Fail("Send the file as multipart/form-data, in a field named file.");
        LimitBody(request);
        IFormCollection form = FormCollection.Empty;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ImportFileReader.Fail(ImportFileReader.TooBig);
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            ImportFileReader.Fail(ImportFileReader.TooBig);
        }
        catch (InvalidDataException)
        {
            ImportFileReader.Fail("The upload could not be read as multipart/form-data.");
        }
        var budget = request.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.ParseTimeout;
        var file = await ImportFileReader.ReadAsync(form.Files.GetFile("file"), budget, ct);
        return new ImportUpload(file, form["programId"].FirstOrDefault());
    }

    /// <summary>
    /// Stops reading the body a little past the file limit. The defaults would take 30 MB (Kestrel) and buffer a 128 MB
    /// multipart body to disk before the handler could say the file is too large.
    /// </summary>
    private static void LimitBody(HttpRequest request)
    {
        const long slack = 64 * 1024; // the multipart boundaries, headers and the programId field
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = ImportFileReader.MaxBytes + slack;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = ImportFileReader.MaxBytes + slack, ValueCountLimit = 16, MultipartHeadersCountLimit = 8,
        }));
    }

    /// <summary>The form in the OpenAPI document.</summary>
    public static RouteHandlerBuilder AcceptsImportUpload(this RouteHandlerBuilder route) =>
        route.AcceptsMultipartForm(["file"], new()
        {
            ["file"] = MultipartFormDocs.File(
                $".csv or .xlsx, at most {ImportFileReader.MaxBytes / (1024 * 1024)} MB and {ImportFileReader.MaxRows:N0} rows; "
                + "columns student_id, or admission_number and school; and program (id or exact name)."),
            ["programId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "uuid",
                Description = "The program for rows whose program cell is blank, or for a file without a program column.",
            },
        });
}
