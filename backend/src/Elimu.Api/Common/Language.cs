namespace Elimu.Api.Common;

/// <summary>
/// The languages the product speaks: English (the default) and Kiswahili. A user's choice is kept on their account
/// (<c>preferred_language</c>); a consent records the one its guardian read and signed (<c>signed_language</c>).
/// </summary>
public enum Language { en, sw }
