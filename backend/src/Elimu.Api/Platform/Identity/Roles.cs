namespace Elimu.Api.Platform.Identity;

public static class Roles
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string Partner = "partner";
    public const string Parent = "parent";
    public const string Student = "student";

    public static readonly string[] All = [Admin, Staff, Partner, Parent, Student];
}
