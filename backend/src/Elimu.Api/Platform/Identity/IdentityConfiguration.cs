using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Identity;

// Identity's tables get the platform's names, so partner tables can say "FK → users.id" as the plan does.
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("users");
        b.Property(u => u.FirstName).HasMaxLength(100);
        b.Property(u => u.LastName).HasMaxLength(100);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.TimeZone).HasMaxLength(64).HasDefaultValue(AppUser.DefaultTimeZone);
        b.Property(u => u.Theme).HasMaxLength(16).HasDefaultValue(UiTheme.dark);
        b.Property(u => u.PreferredLanguage).HasConversion<string>().HasMaxLength(8).HasDefaultValue(Elimu.Api.Common.Language.en);
        b.Ignore(u => u.FullName);
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b) => b.ToTable("roles");
}

internal sealed class IdentityJoinTablesConfiguration :
    IEntityTypeConfiguration<IdentityUserRole<Guid>>, IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>, IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> b) => b.ToTable("user_roles");
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b) => b.ToTable("user_claims");
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b) => b.ToTable("user_logins");
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b) => b.ToTable("user_tokens");
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> b) => b.ToTable("role_claims");
}
