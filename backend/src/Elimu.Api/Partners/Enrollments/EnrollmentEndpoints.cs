using Elimu.Api.Partners.Account.Team;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>Bulk enrollment from a CSV or Excel file (template, dry run, all-or-nothing commit) and cohort tracking.</summary>
public static class EnrollmentEndpoints
{
    public const string Prefix = "/api/v1/partner/enrollments";

    public static IServiceCollection AddEnrollmentImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(o => o.ParseTimeout > TimeSpan.Zero, $"{ImportOptions.Section}:ParseTimeout must be positive.").ValidateOnStart();
        services.AddSingleton<IImportLock, DatabaseImportLock>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnrollmentApi(this IEndpointRouteBuilder app)
    {
        var partner = app.MapGroup(Prefix).WithTags("Partner · Partnerships").RequireAuthorization(PartnerPolicies.Read);

        partner.MapGet("/template", ImportTemplate.Handle)
            .Produces(StatusCodes.Status200OK, contentType: ImportTemplate.CsvType, additionalContentTypes: ImportTemplate.XlsxType)
            .WithSummary("The import template (format=csv or xlsx): student_id, admission_number, school, program.");
        // The form is read by hand (ImportUploadForm explains why), so no IFormFile binding and no built-in form antiforgery.
        partner.MapPost("/imports/dry-run", DryRunImport.Handle).AcceptsImportUpload().RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Check a CSV or XLSX file row by row; nothing is written. 409 import_in_progress while another import of the partner runs.");
        partner.MapPost("/imports/commit", CommitImport.Handle).AcceptsImportUpload().RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Enroll every row of the file, or none: 422 import_has_errors lists the refused rows; 409 import_in_progress while another import of the partner runs.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        partner.MapGet("/cohorts", CohortTracking.Handle)
            .WithSummary("Children per program by status at the end of each of the last N weeks (Nairobi, Monday weeks).");
        return app;
    }
}
