using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

public class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
