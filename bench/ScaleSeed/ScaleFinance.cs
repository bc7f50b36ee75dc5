using Elimu.Api.Data;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Bench.ScaleSeed;

/// <summary>
/// bench/finance.sh's billing history for the scale partner: a monthly subscription per program (where it has none), and for
/// each of the last 24 months an invoice with its payments: paid by M-Pesa, card, PayPal or the sandbox, one in five after a
/// failed attempt (about 1,450 payments over 1,200 invoices). Invoice lines are left out: neither the list nor the receipt
/// reads them. Added once: a second run finds the history and changes nothing.
/// </summary>
public static class ScaleFinance
{
    public const int Months = 24;
    private static readonly PaymentGateway[] Gateways = [PaymentGateway.mpesa, PaymentGateway.mpesa, PaymentGateway.stripe, PaymentGateway.paypal, PaymentGateway.sandbox];

    public static async Task<int> SeedAsync(AppDbContext db)
    {
        var partnerId = await db.Users.Where(u => u.NormalizedEmail == ScalePartner.Email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        var existing = await db.PartnerPayments.CountAsync(p => p.PartnerId == partnerId);
        if (existing >= 1000)
        {
            Console.WriteLine($"The scale partner already has {existing:N0} payments: nothing added.");
            return 0;
        }
        var world = new ScaleWorld(DateTime.UtcNow);
        var programs = await db.SponsorshipPrograms.AsNoTracking().Where(p => p.PartnerId == partnerId).OrderBy(p => p.Name).ToListAsync();
        var subscribed = await db.PartnerSubscriptions.Where(s => s.PartnerId == partnerId).ToDictionaryAsync(s => s.ProgramId);
        var firstMonth = new DateOnly(world.Today.Year, world.Today.Month, 1).AddMonths(-(Months - 1));
        var numbers = new Dictionary<int, int>();
        var random = new Random(17);
        var payments = 0;
        foreach (var program in programs)
        {
            var children = Math.Max(1, await db.SponsoredChildren.CountAsync(c => c.ProgramId == program.Id && c.Status == SponsoredChildStatus.ACTIVE));
            if (!subscribed.TryGetValue(program.Id, out var subscription))
            {
                var current = new DateOnly(world.Today.Year, world.Today.Month, 1);
                subscription = new PartnerSubscription
                {
                    PartnerId = partnerId, ProgramId = program.Id, BillingPeriod = BillingPeriod.monthly, AmountPerChild = program.PricePerChild,
                    TotalChildren = children, TotalAmount = program.PricePerChild * children, Currency = program.Currency,
                    CurrentPeriodStart = world.At(current, 0), CurrentPeriodEnd = world.At(current.AddMonths(1), 0),
                    NextBillingDate = world.At(current.AddMonths(1), 0), AnchorDate = firstMonth, CreatedAt = world.At(firstMonth, 0).AddDays(-1),
                    UpdatedAt = world.Now,
                };
                db.PartnerSubscriptions.Add(subscription);
            }
            for (var m = 0; m < Months; m++)
            {
                var start = firstMonth.AddMonths(m);
                var issued = world.At(start, 7).AddMinutes(random.Next(0, 50));
                var year = start.Year;
                numbers[year] = numbers.GetValueOrDefault(year) + 1;
                var subtotal = program.PricePerChild * children;
                var invoice = new PartnerInvoice
                {
                    PartnerId = partnerId, SubscriptionId = subscription.Id, Number = $"INV-{year}-{700000 + numbers[year]:000000}",
                    PeriodStart = start, PeriodEnd = start.AddMonths(1), Currency = program.Currency, Subtotal = subtotal, TaxRate = 0.16m,
                    TaxAmount = decimal.Round(subtotal * 0.16m, 2), Total = subtotal + decimal.Round(subtotal * 0.16m, 2), Status = InvoiceStatus.paid,
                    IssuedAt = issued, PaidAt = issued.AddHours(2),
                };
                db.PartnerInvoices.Add(invoice);
                var gateway = Gateways[(m + program.Name.Length) % Gateways.Length];
                if (random.Next(5) == 0)
                {
                    db.PartnerPayments.Add(Payment(invoice, subscription, PaymentGateway.mpesa, PaymentStatus.failed, issued.AddMinutes(30), "1032", "Request cancelled by user"));
                    payments++;
                }
                db.PartnerPayments.Add(Payment(invoice, subscription, gateway, PaymentStatus.completed, issued.AddHours(2), "0", null));
                payments++;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"Billing history added for {ScalePartner.Email}: {programs.Count} subscriptions, {programs.Count * Months:N0} invoices, {payments:N0} payments.");
        return 0;
    }

    private static DateTime NairobiMidnight(DateOnly day) => new DateTime(day, TimeOnly.MinValue, DateTimeKind.Utc) - ScaleWorld.NairobiOffset;

    private static PartnerPayment Payment(PartnerInvoice invoice, PartnerSubscription subscription, PaymentGateway gateway, PaymentStatus status,
        DateTime at, string code, string? message)
    {
        var paypal = gateway == PaymentGateway.paypal;
        var id = Guid.CreateVersion7(at);
        return new PartnerPayment
        {
            Id = id, SubscriptionId = subscription.Id, PartnerId = invoice.PartnerId, Amount = invoice.Total, Currency = invoice.Currency,
            Status = status, PaymentGateway = gateway, TransactionReference = $"bench_{id:N}", InvoiceNumber = invoice.Number, InvoiceId = invoice.Id,
            IdempotencyKey = $"bench-{id:N}", ChargedAmount = paypal ? decimal.Round(invoice.Total / 129.5m, 2) : invoice.Total,
            ChargedCurrency = paypal ? "USD" : invoice.Currency, PeriodStart = NairobiMidnight(invoice.PeriodStart), PeriodEnd = NairobiMidnight(invoice.PeriodEnd),
            PaidAt = status == PaymentStatus.completed ? at : null, CreatedAt = at,
            ReceiptUrl = status == PaymentStatus.completed ? $"/api/v1/partner/finance/payments/{id}/receipt" : null,
            GatewayResponse = new GatewayResponse { Code = code, Message = message, GatewayReference = $"bench_{id:N}", ReceivedAt = at,
                Receipt = status == PaymentStatus.completed ? $"BEN{id.ToString("N")[^7..].ToUpperInvariant()}" : null },
        };
    }
}
