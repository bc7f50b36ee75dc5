using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// Plan Step 5's finance.py (prefix /partner/finance): subscriptions, invoices and payments. Every member sees them
/// (<see cref="PartnerPolicies.Read"/>); creating, changing, cancelling and paying take <see cref="PartnerPolicies.Pay"/>
/// (owner and finance).
/// </summary>
public static class FinanceEndpoints
{
    public const string Prefix = "/api/v1/partner/finance";
    /// <summary>A CSV export holds at most this many payments (years of monthly payments for every program).</summary>
    public const int MaxCsvRows = 50_000;

    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BillableChildren>();
        services.AddScoped<PriceBook>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<InvoiceIssuer>();
        services.AddScoped<InvoicePayments>();
        services.AddScoped<PaymentReader>();
        services.AddScoped<IPaymentResults, PaymentResults>();
        services.AddScoped<Documents.BillingDocuments>();
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section);
        services.AddSingleton<PaymentReconciler>();
        services.AddHostedService<PaymentReconciliationJob>();
        services.AddOptions<Dunning.DunningOptions>().BindConfiguration(Dunning.DunningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BillingStanding>();
        services.AddScoped<Dunning.SubscriptionDunning>();
        services.AddSingleton<Dunning.RenewalRunner>();
        services.AddHostedService<Dunning.RenewalJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Partner · Finance").RequireAuthorization(PartnerPolicies.Read);

        group.MapGet("/subscriptions", ListSubscriptions).WithSummary("The partner's subscriptions, running first; amounts derived from consent on each period's first day.");
        group.MapPost("/subscriptions", CreateSubscription).RequireAuthorization(PartnerPolicies.Pay)
            .Produces<SubscriptionItem>(StatusCodes.Status201Created).WithSummary("Subscribe one of the partner's active programs (period: the program's unless chosen).");
        group.MapPut("/subscriptions/{id:guid}", UpdateSubscription).RequireAuthorization(PartnerPolicies.Pay)
            .WithSummary("Change the billing period (from the next period), auto-renew or the payment method.");
        group.MapDelete("/subscriptions/{id:guid}", CancelSubscription).RequireAuthorization(PartnerPolicies.Pay)
            .WithSummary("Cancel: the subscription becomes CANCELLED and stays as history with its invoices and payments.");
        group.MapGet("/subscriptions/{id:guid}/due", GetDueInvoice).Produces<DueInvoice>()
            .WithSummary("What \"pay now\" charges: the oldest open invoice, else the current period's figures as its invoice would be issued now (409 nothing_due when paid).");

        group.MapGet("/invoices", ListInvoices).WithSummary("The partner's invoices, newest first; filter by subscription and status.");
        group.MapGet("/invoices/{id:guid}", GetInvoice).WithSummary("One invoice with its lines (one per child-period; pro-rata lines marked).");
        group.MapGet("/invoices/{id:guid}/pdf", InvoicePdf).Produces(StatusCodes.Status200OK, contentType: PdfType)
            .WithSummary("The invoice as a PDF with the partner's logo and colours.");

        group.MapGet("/gateways", (IEnumerable<IPaymentGateway> gateways) => TypedResults.Ok(PaymentChoices.Of(gateways)))
            .WithSummary("The ways to pay, each available or not with the reason (keys missing on this server), in the order the page offers them.");
        group.MapPost("/payments", Pay).RequireAuthorization(PartnerPolicies.Pay)
            .Produces<PaymentItem>(StatusCodes.Status201Created).Produces<PaymentItem>(StatusCodes.Status202Accepted)
            .WithSummary("Pay the subscription's due invoice (issued now if the period has none) through a gateway. Requires Idempotency-Key; the same key returns the first payment.");
        group.MapGet("/payments", ListPayments).WithSummary("Billing history: filter by status, gateway, subscription and dates; page, or ?format=csv (UTF-8 with BOM).");
        group.MapGet("/payments/{id:guid}", GetPayment).WithSummary("One payment with its current status: pending, completed, failed or refunded.");
        group.MapGet("/payments/{id:guid}/receipt", ReceiptPdf).Produces(StatusCodes.Status200OK, contentType: PdfType)
            .WithSummary("The receipt of a completed payment as a PDF (409 no_receipt before it completes).");
        group.MapPost("/payments/{id:guid}/check", CheckPayment).RequireAuthorization(PartnerPolicies.Pay)
            .WithSummary("Ask the gateway where a pending payment stands and apply its answer (PayPal return, M-Pesa \"I have paid\").");
        return app;
    }

    private static async Task<IResult> ListSubscriptions(ClaimsPrincipal user, AppDbContext db, Subscriptions subscriptions, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var rows = await db.PartnerSubscriptions.AsNoTracking().Where(s => s.PartnerId == partnerId)
            .OrderBy(s => s.Status == SubscriptionStatus.CANCELLED || s.Status == SubscriptionStatus.EXPIRED ? 1 : 0)
            .ThenByDescending(s => s.CreatedAt).ToListAsync(ct);
        foreach (var s in rows) subscriptions.RollForward(s); // shown as of today; saved when something changes it
        return TypedResults.Ok(await subscriptions.ItemsAsync(partnerId, rows, ct));
    }

    private static async Task<IResult> CreateSubscription(CreateSubscriptionRequest request, ClaimsPrincipal user, Subscriptions subscriptions, CancellationToken ct)
    {
        var created = await subscriptions.CreateAsync(user.PartnerId(), request, ct);
        return TypedResults.Created($"{Prefix}/subscriptions/{created.Id}", await subscriptions.ItemAsync(created, ct));
    }

    private static async Task<IResult> UpdateSubscription(Guid id, UpdateSubscriptionRequest request, ClaimsPrincipal user, Subscriptions subscriptions, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.ItemAsync(await subscriptions.UpdateAsync(user.PartnerId(), id, request, ct), ct));

    private static async Task<IResult> CancelSubscription(Guid id, ClaimsPrincipal user, Subscriptions subscriptions, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.ItemAsync(await subscriptions.CancelAsync(user.PartnerId(), id, ct), ct));

    private static async Task<IResult> GetDueInvoice(Guid id, ClaimsPrincipal user, Subscriptions subscriptions, InvoiceIssuer invoices, CancellationToken ct) =>
        TypedResults.Ok(await invoices.PreviewDueAsync(await subscriptions.OwnAsync(user.PartnerId(), id, ct), ct));

    private static async Task<IResult> ListInvoices(Guid? subscriptionId, InvoiceStatus? status, int? page, int? pageSize, ClaimsPrincipal user,
        AppDbContext db, ProgramListings programs, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize);
        var partnerId = user.PartnerId();
        var query = db.PartnerInvoices.AsNoTracking().Where(i => i.PartnerId == partnerId);
        if (subscriptionId is { } sub) query = query.Where(i => i.SubscriptionId == sub);
        if (status is { } s) query = query.Where(i => i.Status == s);
        var total = await query.CountAsync(ct);
        var items = await Summaries(query.OrderByDescending(i => i.IssuedAt).ThenByDescending(i => i.Number).Skip(paging.Skip).Take(paging.PageSize), programs)
            .ToListAsync(ct);
        return TypedResults.Ok(new Paged<InvoiceSummary>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> GetInvoice(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramListings programs, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var query = db.PartnerInvoices.AsNoTracking().Where(i => i.Id == id && i.PartnerId == partnerId);
        var summary = await Summaries(query, programs).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Invoice");
        var period = await query.Select(i => i.Subscription!.BillingPeriod).FirstAsync(ct);
        var lines = await db.PartnerInvoiceLines.AsNoTracking().Where(l => l.InvoiceId == id)
            .OrderBy(l => l.Prorated).ThenBy(l => l.Description)
            .Select(l => new InvoiceLineItem(l.Id, l.SponsoredChildId, l.Description, l.PeriodStart, l.PeriodEnd, l.UnitPrice,
                l.DaysCharged, l.PeriodDays, l.Prorated, l.Amount)).ToListAsync(ct);
        return TypedResults.Ok(new InvoiceDetail(summary, period, lines));
    }

    private static IQueryable<InvoiceSummary> Summaries(IQueryable<PartnerInvoice> invoices, ProgramListings programs) =>
        invoices.Select(i => new InvoiceSummary(i.Id, i.Number, i.SubscriptionId,
            programs.All().Where(p => p.Id == i.Subscription!.ProgramId).Select(p => p.Name).FirstOrDefault(), i.Status, i.PeriodStart,
            i.PeriodEnd, i.Currency, i.Subtotal, i.TaxRate, i.TaxAmount, i.Total, i.TaxExempt, i.TaxId, i.IssuedAt, i.PaidAt, i.Lines.Count));

    private static async Task<IResult> Pay(CreatePaymentRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, InvoicePayments payments, CancellationToken ct)
    {
        var (payment, _) = await payments.PayAsync(user.PartnerId(), idempotencyKey, request, ct);
        var location = $"{Prefix}/payments/{payment.Id}";
        return payment.Status == PaymentStatus.pending ? TypedResults.Accepted(location, payment) : TypedResults.Created(location, payment);
    }

    public const string PdfType = "application/pdf";

    private static async Task<IResult> InvoicePdf(Guid id, ClaimsPrincipal user, AppDbContext db, Documents.BillingDocuments documents, CancellationToken ct)
    {
        var bytes = await documents.InvoiceAsync(user.PartnerId(), id, ct);
        var number = await db.PartnerInvoices.Where(i => i.Id == id).Select(i => i.Number).FirstAsync(ct);
        return TypedResults.File(bytes, PdfType, $"{number}.pdf");
    }

    private static async Task<IResult> ReceiptPdf(Guid id, ClaimsPrincipal user, AppDbContext db, Documents.BillingDocuments documents, CancellationToken ct)
    {
        var bytes = await documents.ReceiptAsync(user.PartnerId(), id, ct);
        var number = await db.PartnerPayments.Where(p => p.Id == id).Select(p => p.InvoiceNumber).FirstAsync(ct);
        return TypedResults.File(bytes, PdfType, $"receipt-{number ?? id.ToString()}.pdf");
    }

    private static async Task<IResult> GetPayment(Guid id, ClaimsPrincipal user, PaymentReader payments, CancellationToken ct) =>
        TypedResults.Ok(await payments.ItemAsync(user.PartnerId(), id, ct));

    private static async Task<IResult> CheckPayment(Guid id, ClaimsPrincipal user, InvoicePayments payments, CancellationToken ct) =>
        TypedResults.Ok(await payments.CheckAsync(user.PartnerId(), id, ct));

    private static readonly string[] CsvHeader =
        ["Date", "Invoice", "Program", "Period start", "Period end", "Amount", "Currency", "Charged", "Charged currency", "Gateway", "Status", "Reference", "Receipt", "Paid at"];

    private static async Task<IResult> ListPayments(PaymentStatus? status, PaymentGateway? gateway, Guid? subscriptionId, DateOnly? from, DateOnly? to,
        string? format, int? page, int? pageSize, ClaimsPrincipal user, PaymentReader payments, CancellationToken ct)
    {
        new Validation().Date("from", from).Date("to", to).Check(from is null || to is null || from <= to, "to", "The end date is before the start date.")
            .Check(format is null or "csv" or "json", "format", "Choose csv or json.").ThrowIfInvalid();
        var filter = new PaymentFilter(status, gateway, subscriptionId, from is { } f ? NairobiTime.StartOfDayUtc(f) : null,
            to is { } t ? NairobiTime.StartOfDayUtc(t.AddDays(1)) : null);
        if (format == "csv")
        {
            var (all, _) = await payments.PageAsync(user.PartnerId(), filter, 0, MaxCsvRows, ct);
            var csv = all.Select(p => (IReadOnlyList<string?>)
            [
                NairobiTime.ToNairobi(p.CreatedAt).ToString("yyyy-MM-dd HH:mm"), p.InvoiceNumber, p.ProgramName, p.PeriodStart.ToString("yyyy-MM-dd"),
                p.PeriodEnd.ToString("yyyy-MM-dd"), p.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), p.Currency,
                p.ChargedAmount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), p.ChargedCurrency, p.Gateway.ToString(),
                p.Status.ToString(), p.GatewayReference, p.Receipt, p.PaidAt is { } paid ? NairobiTime.ToNairobi(paid).ToString("yyyy-MM-dd HH:mm") : null,
            ]);
            return TypedResults.File(SpreadsheetCsv.Write(CsvHeader, csv), "text/csv; charset=utf-8", "payments.csv");
        }
        var paging = PageRequest.From(page, pageSize);
        var (items, total) = await payments.PageAsync(user.PartnerId(), filter, paging.Skip, paging.PageSize, ct);
        return TypedResults.Ok(new Paged<PaymentItem>(items, paging.Page, paging.PageSize, total));
    }
}
