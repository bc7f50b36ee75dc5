using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Elimu.Api.Partners.Finance.Documents;

/// <summary>
/// The invoice and receipt PDFs (PDFsharp): the partner's logo and primary colour from its branding, amounts as Kenyans
/// write them ("KES 12,500.00"), dates in Nairobi. A long invoice (a line per child) continues on further pages.
/// </summary>
public sealed class BillingDocuments(AppDbContext db, ProgramListings programs, PartnerLetterheads letterheads, PartnerTaxes taxes)
{
    private const double Margin = 40, PageBottom = 800, RowHeight = 16;

    private sealed record Letterhead(string Name, string? TaxId, XColor Color, byte[]? LogoPng, string? Footer);

    public async Task<byte[]> InvoiceAsync(Guid partnerId, Guid invoiceId, CancellationToken ct)
    {
        var invoice = await db.PartnerInvoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Subscription)
            .FirstOrDefaultAsync(i => i.Id == invoiceId && i.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Invoice");
        var head = await LetterheadAsync(partnerId, ct);
        var doc = new Writer(head, $"Invoice {invoice.Number}");
        doc.Title("INVOICE", invoice.Number);
        doc.Facts([
            ("Issued", Day(invoice.IssuedAt)),
            ("Program", await ProgramNameAsync(invoice.Subscription, ct)),
            ("Period", $"{invoice.PeriodStart:d MMM yyyy} to {invoice.PeriodEnd.AddDays(-1):d MMM yyyy}"),
            ("Status", invoice.Status == InvoiceStatus.paid ? $"Paid {Day(invoice.PaidAt!.Value)}" : invoice.Status.ToString()),
            ("Tax", invoice.TaxExempt ? "Exempt" + (head.TaxId is null ? "" : $" (PIN {invoice.TaxId ?? head.TaxId})") : invoice.TaxId is null ? "VAT" : $"VAT, PIN {invoice.TaxId}"),
        ]);
        doc.TableHeader("Description", "Amount");
        foreach (var line in invoice.Lines.OrderBy(l => l.Prorated).ThenBy(l => l.Description, StringComparer.Ordinal))
            doc.Row(line.Description, Kes.Format(new Money(line.Amount, invoice.Currency)));
        doc.Gap();
        doc.Total("Subtotal", Kes.Format(new Money(invoice.Subtotal, invoice.Currency)));
        doc.Total($"VAT {invoice.TaxRate * 100:0.##}%", Kes.Format(new Money(invoice.TaxAmount, invoice.Currency)));
        doc.Total("Total due", Kes.Format(new Money(invoice.Total, invoice.Currency)), bold: true);
        if (await ForeignChargeAsync(invoice, ct) is { } charged) doc.Total(charged.Label, charged.Amount);
        return doc.Save();
    }

    public async Task<byte[]> ReceiptAsync(Guid partnerId, Guid paymentId, CancellationToken ct)
    {
        var payment = await db.PartnerPayments.AsNoTracking().Include(p => p.Invoice).Include(p => p.Subscription)
            .FirstOrDefaultAsync(p => p.Id == paymentId && p.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Payment");
        if (payment.Status is not (PaymentStatus.completed or PaymentStatus.refunded) || payment.PaidAt is null)
            throw DomainException.Conflict("no_receipt", "A receipt exists once the payment is completed.");
        var head = await LetterheadAsync(partnerId, ct);
        var doc = new Writer(head, $"Receipt {payment.InvoiceNumber}");
        doc.Title(payment.Status == PaymentStatus.refunded ? "RECEIPT (REFUNDED)" : "RECEIPT", payment.InvoiceNumber ?? "");
        var facts = new List<(string, string)>
        {
            ("Paid", NairobiTime.ToNairobi(payment.PaidAt.Value).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " (Nairobi)"),
            ("Invoice", payment.InvoiceNumber ?? ""),
            ("Program", await ProgramNameAsync(payment.Subscription, ct)),
            ("Period", $"{Day(payment.PeriodStart)} to {Day(payment.PeriodEnd.AddDays(-1))}"),
            ("Paid by", PaymentResults.GatewayName(payment.PaymentGateway)),
            ("Reference", payment.GatewayResponse.Receipt ?? payment.TransactionReference ?? ""),
        };
        if (ChargedAmount.Of(payment) is { } charged) facts.Add((charged.Label, charged.Amount));
        doc.Facts(facts);
        doc.Gap();
        doc.Total("Amount received", Kes.Format(new Money(payment.Amount, payment.Currency)), bold: true);
        return doc.Save();
    }

    /// <summary>
    /// The payment in another currency that paid the invoice (PayPal in USD), or for an open invoice the latest one waiting
    /// for the payer: the invoice shows its amount under the KES total, as the receipt does.
    /// </summary>
    private async Task<ChargedAmount?> ForeignChargeAsync(PartnerInvoice invoice, CancellationToken ct)
    {
        var wanted = invoice.Status == InvoiceStatus.paid ? PaymentStatus.completed : PaymentStatus.pending;
        var payment = await db.PartnerPayments.AsNoTracking()
            .Where(p => p.InvoiceId == invoice.Id && p.Status == wanted && p.ChargedCurrency != null && p.ChargedCurrency != invoice.Currency)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        return payment is null ? null : ChargedAmount.Of(payment);
    }

    private static string Day(DateTime utc) => NairobiTime.ToNairobi(utc).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private async Task<string> ProgramNameAsync(PartnerSubscription? subscription, CancellationToken ct) =>
        subscription is null ? "" : await programs.NameAsync(subscription.ProgramId, ct) ?? "";

    private async Task<Letterhead> LetterheadAsync(Guid partnerId, CancellationToken ct)
    {
        var head = await letterheads.ForAsync(partnerId, ct);
        var tax = await taxes.ForAsync(partnerId, ct);
        return new(head.OrganizationName, tax.TaxId, Color(head.PrimaryColor), head.LogoPng, head.Footer);
    }

    private static XColor Color(string? hex)
    {
        var value = hex?.TrimStart('#');
        return value is { Length: 6 } && int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            : XColor.FromArgb(0x1F, 0x2A, 0x44);
    }

    /// <summary>Writes top to bottom, starting a new page (with the letterhead band) when the page is full.</summary>
    private sealed class Writer
    {
        private readonly PdfDocument _document = new();
        private readonly Letterhead _head;
        private readonly XFont _regular, _bold, _title, _small;
        private XGraphics _gfx = null!;
        private double _y;
        private double Width => 595 - 2 * Margin;

        public Writer(Letterhead head, string title)
        {
            EmbeddedFonts.EnsureInstalled();
            _head = head;
            _document.Info.Title = title;
            _document.Info.Author = head.Name;
            _regular = new XFont(EmbeddedFonts.Family, 9.5);
            _bold = new XFont(EmbeddedFonts.Family, 9.5, XFontStyleEx.Bold);
            _title = new XFont(EmbeddedFonts.Family, 18, XFontStyleEx.Bold);
            _small = new XFont(EmbeddedFonts.Family, 7.5);
            NewPage();
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            _gfx = XGraphics.FromPdfPage(page);
            _gfx.DrawRectangle(new XSolidBrush(_head.Color), 0, 0, 595, 8);
            var x = Margin;
            if (_head.LogoPng is { } png)
            {
                using var image = XImage.FromStream(new MemoryStream(png));
                var height = 40.0;
                var width = Math.Min(140, height * image.PixelWidth / Math.Max(1, image.PixelHeight));
                _gfx.DrawImage(image, x, 24, width, height);
                x += width + 12;
            }
            _gfx.DrawString(_head.Name, _bold, XBrushes.Black, new XRect(x, 30, 300, 14), XStringFormats.TopLeft);
            if (_head.TaxId is { } pin) _gfx.DrawString($"KRA PIN {pin}", _regular, XBrushes.Gray, new XRect(x, 46, 300, 14), XStringFormats.TopLeft);
            _gfx.DrawString("Elimu · billing", _small, XBrushes.Gray, new XRect(Margin, 818, Width, 10), XStringFormats.TopLeft);
            if (_head.Footer is { Length: > 0 } footer)
                _gfx.DrawString(footer.Length > 110 ? footer[..109] + "…" : footer, _small, XBrushes.Gray, new XRect(Margin, 806, Width, 10), XStringFormats.TopLeft);
            _y = 84;
        }

        private void Need(double height)
        {
            if (_y + height > PageBottom) NewPage();
        }

        public void Title(string title, string number)
        {
            _gfx.DrawString(title, _title, new XSolidBrush(_head.Color), new XRect(Margin, _y, Width, 24), XStringFormats.TopLeft);
            _gfx.DrawString(number, _title, XBrushes.Black, new XRect(Margin, _y, Width, 24), XStringFormats.TopRight);
            _y += 36;
        }

        public void Facts(IEnumerable<(string Label, string Value)> facts)
        {
            foreach (var (label, value) in facts)
            {
                Need(RowHeight);
                _gfx.DrawString(label, _bold, XBrushes.Black, new XRect(Margin, _y, 90, RowHeight), XStringFormats.TopLeft);
                _gfx.DrawString(value, _regular, XBrushes.Black, new XRect(Margin + 95, _y, Width - 95, RowHeight), XStringFormats.TopLeft);
                _y += RowHeight;
            }
            _y += 10;
        }

        public void TableHeader(string left, string right)
        {
            Need(RowHeight * 2);
            _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(40, _head.Color)), Margin, _y - 2, Width, RowHeight);
            _gfx.DrawString(left, _bold, XBrushes.Black, new XRect(Margin + 4, _y, Width - 130, RowHeight), XStringFormats.TopLeft);
            _gfx.DrawString(right, _bold, XBrushes.Black, new XRect(Margin, _y, Width - 4, RowHeight), XStringFormats.TopRight);
            _y += RowHeight + 2;
        }

        public void Row(string description, string amount)
        {
            Need(RowHeight);
            var text = description.Length > 95 ? description[..94] + "…" : description;
            _gfx.DrawString(text, _regular, XBrushes.Black, new XRect(Margin + 4, _y, Width - 130, RowHeight), XStringFormats.TopLeft);
            _gfx.DrawString(amount, _regular, XBrushes.Black, new XRect(Margin, _y, Width - 4, RowHeight), XStringFormats.TopRight);
            _y += RowHeight;
        }

        public void Gap() => _y += 8;

        public void Total(string label, string amount, bool bold = false)
        {
            Need(RowHeight);
            var font = bold ? _bold : _regular;
            _gfx.DrawString(label, font, XBrushes.Black, new XRect(Margin, _y, Width - 140, RowHeight), XStringFormats.TopRight);
            _gfx.DrawString(amount, font, XBrushes.Black, new XRect(Margin, _y, Width - 4, RowHeight), XStringFormats.TopRight);
            _y += RowHeight;
        }

        public byte[] Save()
        {
            _gfx.Dispose();
            using var stream = new MemoryStream();
            _document.Save(stream, closeStream: false);
            _document.Dispose();
            return stream.ToArray();
        }
    }
}
