using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Notifications.Delivery;

/// <summary>A mail's text: a heading, paragraphs, optional sections of lines, and a button to the page it is about.</summary>
public sealed record MailDraft(string Subject, string Heading, IReadOnlyList<string> Paragraphs, string? LinkPath, string LinkLabel = "Open in Elimu")
{
    public IReadOnlyList<MailSection> Sections { get; init; } = [];
    /// <summary>Where the reader changes what they receive, when they can.</summary>
    public string? PreferencesPath { get; init; }
}

public sealed record MailSection(string Title, IReadOnlyList<string> Lines);

/// <summary>Renders a <see cref="MailDraft"/> as plain text and as simple HTML (every value encoded), with absolute links.</summary>
public sealed class MailContent(IOptions<MailOptions> options)
{
    public const string Product = "Elimu";

    public string Url(string path) => options.Value.PublicUrl.TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path);

    public (string Text, string Html) Render(MailDraft d)
    {
        var text = new StringBuilder().AppendLine(d.Heading).AppendLine();
        foreach (var p in d.Paragraphs) text.AppendLine(p).AppendLine();
        foreach (var s in d.Sections)
        {
            text.AppendLine(s.Title.ToUpperInvariant());
            foreach (var line in s.Lines) text.Append("- ").AppendLine(line);
            text.AppendLine();
        }
        if (d.LinkPath is { } link) text.AppendLine($"{d.LinkLabel}: {Url(link)}").AppendLine();
        text.AppendLine($"-- {Product}, learning you can follow");
        if (d.PreferencesPath is { } prefs) text.AppendLine($"Choose what {Product} emails you: {Url(prefs)}");

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder()
            .Append("<!doctype html><html><body style=\"font-family:Arial,sans-serif;color:#1a1a1a;max-width:600px\">")
            .Append($"<p style=\"color:#E40000;font-weight:bold;font-size:18px\">{Product}</p>")
            .Append($"<h1 style=\"font-size:20px\">{E(d.Heading)}</h1>");
        foreach (var p in d.Paragraphs) html.Append($"<p>{E(p)}</p>");
        foreach (var s in d.Sections)
        {
            html.Append($"<h2 style=\"font-size:16px\">{E(s.Title)}</h2><ul>");
            foreach (var line in s.Lines) html.Append($"<li>{E(line)}</li>");
            html.Append("</ul>");
        }
        if (d.LinkPath is { } href)
            html.Append($"<p><a href=\"{E(Url(href))}\" style=\"background:#E40000;color:#fff;padding:10px 16px;text-decoration:none;border-radius:6px\">{E(d.LinkLabel)}</a></p>");
        html.Append($"<p style=\"color:#666;font-size:12px\">{Product}, learning you can follow.");
        if (d.PreferencesPath is { } pp) html.Append($" <a href=\"{E(Url(pp))}\">Choose what {Product} emails you</a>.");
        html.Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }

    public OutboxMessage Email(Guid? userId, string to, string? toName, MailDraft draft)
    {
        var (text, html) = Render(draft);
        return new OutboxMessage { Channel = OutboxChannel.email, UserId = userId, To = to, ToName = toName, Subject = draft.Subject, TextBody = text, HtmlBody = html };
    }
}
