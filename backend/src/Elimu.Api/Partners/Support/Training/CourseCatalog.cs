using System.Text.RegularExpressions;
using Elimu.Api.Partners.Support.Help;

namespace Elimu.Api.Partners.Support.Training;

public sealed record CourseModule(string Slug, string Title, int Minutes, string Body);

public sealed record Course(string Slug, string Title, string Summary, string Level, int Order, IReadOnlyList<CourseModule> Modules)
{
    public int Minutes => Modules.Sum(m => m.Minutes);
}

/// <summary>
/// The certification courses: markdown files under Training/Courses, embedded like the help articles (and for the same
/// reason: they describe the release they ship with). Each <c>## heading</c> starts a module; its slug comes from the
/// heading, so renaming a module's heading starts its completions afresh (say so in the pull request).
/// </summary>
public sealed partial class CourseCatalog
{
    internal const string ResourceFolder = "courses/";
    private const int WordsPerMinute = 150;

    public IReadOnlyList<Course> Courses { get; }

    public CourseCatalog() : this(MarkdownDocument.Embedded(ResourceFolder)) { }

    internal CourseCatalog(IEnumerable<(string Name, string Text)> files) =>
        Courses = files.Select(f => Read(f.Name, f.Text)).OrderBy(c => c.Order).ToList();

    public Course? Find(string slug) => Courses.FirstOrDefault(c => c.Slug == slug);

    private static Course Read(string file, string text)
    {
        var doc = MarkdownDocument.Parse(file, text);
        var modules = new List<CourseModule>();
        foreach (Match m in ModuleHeading().Matches(doc.Body))
        {
            var next = m.NextMatch();
            var body = doc.Body[(m.Index + m.Length)..(next.Success ? next.Index : doc.Body.Length)].Trim();
            var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            var title = m.Groups[1].Value.Trim();
            modules.Add(new CourseModule(Slugify(title), title, Math.Max(3, (int)Math.Ceiling(words / (double)WordsPerMinute) + 2), body));
        }
        if (modules.Count == 0) throw new InvalidDataException($"{file}: a course needs at least one \"## module\".");
        if (modules.GroupBy(m => m.Slug).Any(g => g.Count() > 1)) throw new InvalidDataException($"{file}: two modules share a heading.");
        return new Course(Path.GetFileNameWithoutExtension(file), doc.Required(file, "title"), doc.Optional("summary"),
            doc.Optional("level", "Beginner"), int.TryParse(doc.Optional("order"), out var order) ? order : 100, modules);
    }

    internal static string Slugify(string title) => NotSlug().Replace(title.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex ModuleHeading();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
