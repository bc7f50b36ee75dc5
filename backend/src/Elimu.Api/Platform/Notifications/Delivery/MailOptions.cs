namespace Elimu.Api.Platform.Notifications.Delivery;

/// <summary>
/// "Mail": who mail comes from, and where it goes. With <c>Mail:Smtp:Host</c> set, mail goes through that SMTP server;
/// without it, each mail is written as an .eml file to <see cref="PickupDirectory"/> (by default data/mail beside the
/// SQLite database), so a demo shows what would have been sent.
/// </summary>
public sealed class MailOptions
{
    public string From { get; set; } = "no-reply@elimu.local";
    public string FromName { get; set; } = "Elimu";
    public string? PickupDirectory { get; set; }
    /// <summary>Where the product is reached, for the links in mails and texts.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>none, starttls (the default when the server offers it) or ssl.</summary>
    public string Security { get; set; } = "auto";
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>"Sms": the Africa's Talking-style gateway when <c>Sms:BaseUrl</c> is set; otherwise texts are only logged.</summary>
public sealed class SmsOptions
{
    public string? BaseUrl { get; set; }
    public string? Username { get; set; }
    public string? ApiKey { get; set; }
    public string? SenderId { get; set; }
}
