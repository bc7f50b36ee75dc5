namespace Elimu.Api.Platform.Learning;

/// <summary>A CBC learning area such as Mathematics or Kiswahili.</summary>
public class LearningArea
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}
