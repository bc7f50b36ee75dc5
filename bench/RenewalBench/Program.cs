// bench/finance-renewal.sh's setup: for every program of the scale partner (scale@elimu.demo, 50 programs, 10,000
// children), a monthly subscription whose first period ended today (Nairobi), so the next renewal run issues all 50
// invoices. Earlier renewal runs' invoices and subscriptions are removed first, so each bench run starts the same.
// Usage: RenewalBench sqlite|postgres <connection-string>
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

if (args.Length != 2 || args[0] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: RenewalBench sqlite|postgres <connection-string>");
    return 2;
}
AppDbContext db = args[0] == "sqlite"
    ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(args[1]).UseSnakeCaseNamingConvention().Options)
    : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(args[1]).UseSnakeCaseNamingConvention().Options);

var partnerId = await db.Users.Where(u => u.NormalizedEmail == "SCALE@ELIMU.DEMO").Select(u => u.Id).SingleAsync();
var subscriptions = db.PartnerSubscriptions.Where(s => s.PartnerId == partnerId).Select(s => s.Id);
var invoices = db.PartnerInvoices.Where(i => subscriptions.Contains(i.SubscriptionId)).Select(i => i.Id);
await db.PartnerPayments.Where(p => subscriptions.Contains(p.SubscriptionId)).ExecuteDeleteAsync();
await db.PartnerInvoiceLines.Where(l => invoices.Contains(l.InvoiceId)).ExecuteDeleteAsync();
await db.PartnerInvoices.Where(i => subscriptions.Contains(i.SubscriptionId)).ExecuteDeleteAsync();
await db.PartnerSubscriptions.Where(s => s.PartnerId == partnerId).ExecuteDeleteAsync();

var today = NairobiTime.Today(TimeProvider.System);
var start = today.AddMonths(-1);
var programs = await db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId && p.Status == ProgramStatus.ACTIVE).ToListAsync();
foreach (var program in programs)
    db.PartnerSubscriptions.Add(new PartnerSubscription
    {
        PartnerId = partnerId, ProgramId = program.Id, BillingPeriod = BillingPeriod.monthly, AnchorDate = start, AutoRenew = false,
        CurrentPeriodStart = NairobiTime.StartOfDayUtc(start), CurrentPeriodEnd = NairobiTime.StartOfDayUtc(today),
        NextBillingDate = NairobiTime.StartOfDayUtc(today), AmountPerChild = program.PricePerChild, Currency = program.Currency,
        CreatedAt = NairobiTime.StartOfDayUtc(start), UpdatedAt = NairobiTime.StartOfDayUtc(start),
    });
await db.SaveChangesAsync();
Console.WriteLine($"  {programs.Count} subscriptions due today for {ScaleName()}");
return 0;

static string ScaleName() => "scale@elimu.demo";
