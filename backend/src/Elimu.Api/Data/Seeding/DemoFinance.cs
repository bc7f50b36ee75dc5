using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Saved payment methods, a subscription per active program (price per child × children with consent),
/// and five months of payments in every state: Tumaini's card declined once and paid by M-Pesa two
/// days later, a duplicate PayPal payment refunded, and this month's renewal retried after an M-Pesa
/// timeout and still pending. Each period has one invoice (its attempts share it), numbered without gaps per year:
/// INV-2026-000001, …
/// </summary>
internal static class DemoFinance
{
    public static IReadOnlyList<PartnerPayment> Build(DemoWorld world, DemoPeople people, DemoPrograms programs)
    {
        var mpesa = Method(world, people.Partner.Id, PaymentGateway.mpesa, "M-Pesa: finance line", "+254 722 *** 410", true, 120);
        Method(world, people.Partner.Id, PaymentGateway.stripe, "Visa ending 4242", "•••• 4242", false, 118);
        Method(world, people.Partner.Id, PaymentGateway.paypal, "PayPal: finance@tumaini.demo", "f•••••e@tumaini.demo", false, 60);
        var card2 = Method(world, people.Partner2.Id, PaymentGateway.stripe, "Mastercard ending 5454", "•••• 5454", true, 108);
        Method(world, people.Partner2.Id, PaymentGateway.paypal, "PayPal: csr@mwangaza.demo", "c•r@mwangaza.demo", false, 108);

        var payments = new List<PartnerPayment>();

        // Tumaini, Lake Region Scholars: monthly, the current period began yesterday.
        var cohort = programs.Cohort;
        var anchor = world.At(world.Day(1), 0);
        var monthly = Subscription(world, cohort, mpesa.Id, anchor, anchor.AddMonths(1));
        PartnerPayment Monthly(int month, PaymentGateway gateway, PaymentStatus status, double afterHours) =>
            Pay(world, payments, monthly, cohort, anchor.AddMonths(month), anchor.AddMonths(month + 1), gateway, status,
                anchor.AddMonths(month).AddMinutes(Math.Round(afterHours * 60)));
        Monthly(-4, PaymentGateway.stripe, PaymentStatus.completed, 7.5);
        Monthly(-3, PaymentGateway.mpesa, PaymentStatus.completed, 8.2);
        Monthly(-2, PaymentGateway.stripe, PaymentStatus.failed, 6.1);
        Monthly(-2, PaymentGateway.mpesa, PaymentStatus.completed, 54.3);
        Monthly(-1, PaymentGateway.mpesa, PaymentStatus.completed, 9.4);
        var duplicate = Monthly(-1, PaymentGateway.paypal, PaymentStatus.refunded, 11.0);
        duplicate.GatewayResponse = duplicate.GatewayResponse with
        {
            Message = "Refunded in full: a second payment for the same period (already paid by M-Pesa).",
            ReceivedAt = duplicate.PaidAt!.Value.AddDays(3),
        };
        Monthly(0, PaymentGateway.mpesa, PaymentStatus.failed, 9.0);
        Pay(world, payments, monthly, cohort, anchor, anchor.AddMonths(1), PaymentGateway.mpesa, PaymentStatus.pending, world.Now.AddMinutes(-40));

        // Mwangaza, Coast & Rift: termly; this term began when the program started.
        var p2 = programs.Partner2Cohort;
        var termStart = world.At(p2.Program.StartDate!.Value, 0);
        var termly = Subscription(world, p2, card2.Id, termStart, termStart.AddMonths(4));
        Pay(world, payments, termly, p2, termStart, termStart.AddMonths(4), PaymentGateway.paypal, PaymentStatus.failed, termStart.AddDays(2).AddHours(10));
        Pay(world, payments, termly, p2, termStart, termStart.AddMonths(4), PaymentGateway.stripe, PaymentStatus.completed, termStart.AddDays(3).AddHours(10));

        Invoices(world, payments, [(monthly, cohort), (termly, p2)]);
        world.Db.PartnerPayments.AddRange(payments);
        return payments;
    }

    /// <summary>
    /// One invoice per subscription and period (the attempts at paying it share its number), numbered without gaps per
    /// year of issue, with a line per child billable on the period's first day; the year counters continue from there.
    /// </summary>
    private static void Invoices(DemoWorld world, List<PartnerPayment> payments, IReadOnlyList<(PartnerSubscription Subscription, DemoProgram Program)> subscriptions)
    {
        var periods = payments.GroupBy(p => (p.SubscriptionId, p.PeriodStart)).OrderBy(g => g.Min(p => p.CreatedAt)).ToList();
        var counters = new Dictionary<int, int>();
        foreach (var period in periods)
        {
            var first = period.MinBy(p => p.CreatedAt)!;
            var (subscription, program) = subscriptions.First(s => s.Subscription.Id == first.SubscriptionId);
            var issuedAt = first.CreatedAt.AddMinutes(-1);
            var year = DateOnly.FromDateTime(NairobiTime.ToNairobi(issuedAt)).Year;
            counters[year] = counters.GetValueOrDefault(year) + 1;
            var start = DateOnly.FromDateTime(NairobiTime.ToNairobi(first.PeriodStart));
            var end = DateOnly.FromDateTime(NairobiTime.ToNairobi(first.PeriodEnd));
            var billed = program.Children.Where(c => c.ActiveAt(first.CreatedAt)).ToList();
            var lines = billed.Select(c => new PartnerInvoiceLine
            {
                SponsoredChildId = c.Child.Id, Description = $"{c.Learner.Student.FirstName} {c.Learner.Student.LastName[..1]}.: {start:d MMM yyyy} to {end.AddDays(-1):d MMM yyyy}",
                PeriodStart = start, PeriodEnd = end, UnitPrice = subscription.AmountPerChild, DaysCharged = end.DayNumber - start.DayNumber,
                PeriodDays = end.DayNumber - start.DayNumber, Amount = subscription.AmountPerChild,
            }).ToList();
            var paid = period.FirstOrDefault(p => p.Status == PaymentStatus.completed);
            var profile = world.Db.PartnerProfiles.Local.First(p => p.UserId == subscription.PartnerId);
            var subtotal = lines.Sum(l => l.Amount);
            var rate = profile.TaxExempt ? 0m : 0.16m;
            var tax = decimal.Round(subtotal * rate, 2, MidpointRounding.AwayFromZero);
            var invoice = new PartnerInvoice
            {
                PartnerId = subscription.PartnerId, SubscriptionId = subscription.Id, Number = InvoiceNumbers.Format(year, counters[year]),
                PeriodStart = start, PeriodEnd = end, Currency = subscription.Currency, Subtotal = subtotal, TaxRate = rate, TaxAmount = tax,
                Total = subtotal + tax, TaxExempt = profile.TaxExempt, TaxId = profile.TaxId,
                Status = paid is null ? InvoiceStatus.open : InvoiceStatus.paid, IssuedAt = issuedAt, PaidAt = paid?.PaidAt, Lines = lines,
            };
            world.Db.PartnerInvoices.Add(invoice);
            foreach (var payment in period)
            {
                payment.InvoiceId = invoice.Id;
                payment.InvoiceNumber = invoice.Number;
                payment.Amount = invoice.Total;
                payment.ChargedAmount = invoice.Total;
                payment.ChargedCurrency = invoice.Currency;
                payment.IdempotencyKey = $"demo-{payment.Id}";
            }
        }
        foreach (var (year, last) in counters) world.Db.InvoiceCounters.Add(new InvoiceCounter { Year = year, LastNumber = last });
    }

    private static PaymentMethod Method(DemoWorld world, Guid partnerId, PaymentGateway gateway, string label, string masked, bool isDefault, int daysAgo)
    {
        var method = new PaymentMethod
        {
            PartnerId = partnerId, Gateway = gateway, Label = label, MaskedDetail = masked, IsDefault = isDefault,
            CreatedAt = world.AtDaysAgo(daysAgo),
        };
        world.Db.PaymentMethods.Add(method);
        return method;
    }

    private static PartnerSubscription Subscription(DemoWorld world, DemoProgram program, Guid methodId, DateTime start, DateTime end)
    {
        var children = program.ActiveCount(world.Now);
        var lastChange = program.Children.Select(c => c.RevokedAt ?? c.PausedAt ?? c.AnsweredAt).Where(t => t <= world.Now).Max();
        var subscription = new PartnerSubscription
        {
            PartnerId = program.Partner.Id, ProgramId = program.Program.Id, BillingPeriod = program.Program.BillingPeriod,
            AmountPerChild = program.Program.PricePerChild, TotalChildren = children,
            TotalAmount = program.Program.PricePerChild * children, Currency = program.Program.Currency,
            Status = SubscriptionStatus.ACTIVE, CurrentPeriodStart = start, CurrentPeriodEnd = end, NextBillingDate = end,
            AnchorDate = DateOnly.FromDateTime(NairobiTime.ToNairobi(start)),
            PaymentMethodId = methodId, AutoRenew = true,
            CreatedAt = program.Program.ApprovedAt!.Value.AddHours(2),
        };
        subscription.UpdatedAt = lastChange is { } changed && changed > subscription.CreatedAt ? changed : subscription.CreatedAt;
        world.Db.PartnerSubscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>A payment for one period, billed for the children with consent when it was created.</summary>
    private static PartnerPayment Pay(DemoWorld world, List<PartnerPayment> payments, PartnerSubscription subscription, DemoProgram program,
        DateTime periodStart, DateTime periodEnd, PaymentGateway gateway, PaymentStatus status, DateTime createdAt)
    {
        var paid = status is PaymentStatus.completed or PaymentStatus.refunded ? createdAt.AddMinutes(world.Between(1, 4)) : (DateTime?)null;
        var payment = new PartnerPayment
        {
            SubscriptionId = subscription.Id, PartnerId = subscription.PartnerId, Currency = subscription.Currency,
            Amount = subscription.AmountPerChild * program.ActiveCount(createdAt),
            Status = status, PaymentGateway = gateway, PeriodStart = periodStart, PeriodEnd = periodEnd,
            CreatedAt = createdAt, PaidAt = paid,
        };
        (payment.TransactionReference, payment.GatewayResponse) = DemoGatewayReplies.For(world, gateway, status, createdAt, paid);
        if (paid is not null) payment.ReceiptUrl = $"/api/v1/partner/finance/payments/{payment.Id}/receipt";
        payments.Add(payment);
        return payment;
    }
}
