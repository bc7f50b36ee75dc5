using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Payments;
using Elimu.Api.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>Saves an M-Pesa number for renewals (the only method a partner saves itself: cards and PayPal need the payer on the page).</summary>
/// <param name="IsDefault">Used by every auto-renewing subscription that names no method of its own (true unless false).</param>
public sealed record SavePaymentMethodRequest(PaymentGateway? Gateway, string? PhoneNumber, bool? IsDefault);

/// <param name="MaskedDetail">What is safe to show: 07•• ••• 678 for a number.</param>
/// <param name="Renews">A renewal charges it by itself (an M-Pesa number gets the STK push); otherwise renewal invoices wait for the partner.</param>
public sealed record PaymentMethodItem(Guid Id, PaymentGateway Gateway, string Label, string? MaskedDetail, bool IsDefault, bool Renews, DateTime CreatedAt);

/// <summary>
/// The partner's saved payment methods. An M-Pesa number saved here is what the renewal job charges: at the next billing
/// date it sends the STK push to that number, the payer approves it with their PIN, and the usual callback completes the
/// payment. Every member sees them; who may pay (owner and finance) saves and removes them; both changes are audited.
/// </summary>
public static class PaymentMethodEndpoints
{
    public const string Path = FinanceEndpoints.Prefix + "/payment-methods";

    public static IEndpointRouteBuilder MapPaymentMethodApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Partner · Finance").RequireAuthorization(PartnerPolicies.Read);
        group.MapGet("", List).WithSummary("The partner's saved payment methods, the default first.");
        group.MapPost("", Save).RequireAuthorization(PartnerPolicies.Pay).Produces<PaymentMethodItem>(StatusCodes.Status201Created)
            .WithSummary("Save an M-Pesa number as the renewal method (default unless isDefault is false): renewals send their STK push to it. 422 naming phoneNumber for a number M-Pesa cannot take.");
        group.MapDelete("/{id:guid}", Remove).RequireAuthorization(PartnerPolicies.Pay)
            .WithSummary("Remove a saved method; subscriptions that named it fall back to the default, or wait for the partner to pay.");
        return app;
    }

    private static async Task<IResult> List(int? page, int? pageSize, ClaimsPrincipal user, AppDbContext db, IEnumerable<IPaymentGateway> gateways,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var paging = PageRequest.From(page, pageSize);
        var rows = await db.PaymentMethods.AsNoTracking().Where(m => m.PartnerId == partnerId)
            .OrderByDescending(m => m.IsDefault).ThenByDescending(m => m.CreatedAt).ToPagedAsync(paging, ct);
        return TypedResults.Ok(new Paged<PaymentMethodItem>([.. rows.Items.Select(m => Item(m, gateways))], rows.Page, rows.PageSize, rows.Total));
    }

    private static PaymentMethodItem Item(PaymentMethod m, IEnumerable<IPaymentGateway> gateways) =>
        new(m.Id, m.Gateway, m.Label, m.MaskedDetail, m.IsDefault, PaymentMethod.RenewsUnattended(m.Gateway, m.PhoneNumber, gateways), m.CreatedAt);

    private static async Task<IResult> Save(SavePaymentMethodRequest request, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, TimeProvider clock,
        IEnumerable<IPaymentGateway> gateways, CancellationToken ct)
    {
        new Validation().Check(request.Gateway is not null, "gateway", "Choose mpesa.").ThrowIfInvalid();
        if (request.Gateway != PaymentGateway.mpesa)
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["gateway"] = ["Only an M-Pesa number can be saved for renewals: card and PayPal payments need you on the page to approve them."],
            }, StatusCodes.Status422UnprocessableEntity);
        var phone = InvoicePayments.MpesaNumber(request.PhoneNumber);
        var partnerId = user.PartnerId();
        var isDefault = request.IsDefault ?? true;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (isDefault)
            await db.PaymentMethods.Where(m => m.PartnerId == partnerId && m.IsDefault).ExecuteUpdateAsync(u => u.SetProperty(m => m.IsDefault, false), ct);
        var method = await db.PaymentMethods.FirstOrDefaultAsync(m => m.PartnerId == partnerId && m.Gateway == PaymentGateway.mpesa && m.PhoneNumber == phone, ct);
        if (method is null)
        {
            method = new PaymentMethod
            {
                PartnerId = partnerId, Gateway = PaymentGateway.mpesa, PhoneNumber = phone, Label = "M-Pesa", MaskedDetail = Masked(phone),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.PaymentMethods.Add(method);
        }
        method.IsDefault = isDefault;
        audit.Record(user.UserId(), "payment_method.saved", "payment_method", method.Id, $"M-Pesa {method.MaskedDetail}{(isDefault ? ", default" : "")}", partnerId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            throw DomainException.Conflict("payment_method_conflict", "Another change to your payment methods was saved at the same moment; try again.");
        }
        await tx.CommitAsync(ct);
        return TypedResults.Created($"{Path}/{method.Id}", Item(method, gateways));
    }

    private static async Task<IResult> Remove(Guid id, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var method = await db.PaymentMethods.FirstOrDefaultAsync(m => m.Id == id && m.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Payment method");
        db.PaymentMethods.Remove(method);
        audit.Record(user.UserId(), "payment_method.removed", "payment_method", method.Id, $"{method.Label} {method.MaskedDetail}", partnerId);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>254712345678 as the partner would read it, with the middle hidden: 07•• ••• 678.</summary>
    public static string Masked(string msisdn) => $"0{msisdn[3]}•• ••• {msisdn[^3..]}";
}
