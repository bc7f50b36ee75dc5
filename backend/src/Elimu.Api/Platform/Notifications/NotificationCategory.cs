namespace Elimu.Api.Platform.Notifications;

/// <summary>What a notification is about: the list filters by it and each has its own delivery preferences.</summary>
public enum NotificationCategory
{
    consent,
    payment,
    child_alert,
    ticket,
    message,
    report,
    /// <summary>A program's approval or changes asked by an admin.</summary>
    program,
    system,
}

/// <summary>How often a user gets the summary email: never, every morning, or every Monday morning.</summary>
public enum DigestFrequency { off, daily, weekly }
