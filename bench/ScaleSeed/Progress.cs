using System.Diagnostics;

namespace Elimu.Bench.ScaleSeed;

/// <summary>A one-line progress bar on stderr (rows written of those expected, elapsed time); plain lines when not a terminal.</summary>
public sealed class Progress(long expected)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _rows;
    private long _nextDraw;
    private string _stage = "";
    private int _lastTenth = -1;

    public long Rows => _rows;
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Stage(string stage)
    {
        _stage = stage;
        Draw(force: true);
    }

    public void Count()
    {
        if (++_rows >= _nextDraw) Draw(force: false);
    }

    public void Done()
    {
        Draw(force: true);
        if (!Console.IsErrorRedirected) Console.Error.WriteLine();
    }

    private void Draw(bool force)
    {
        _nextDraw = _rows + 20_000;
        var share = Math.Min(1.0, (double)_rows / expected);
        if (Console.IsErrorRedirected)
        {
            var tenth = (int)(share * 10);
            if (!force && tenth == _lastTenth) return;
            _lastTenth = tenth;
            Console.Error.WriteLine($"  {share,4:P0}  {_rows,10:N0} rows  {_clock.Elapsed.TotalSeconds,5:F0} s  {_stage}");
            return;
        }
        const int width = 30;
        var filled = (int)(share * width);
        Console.Error.Write($"\r  [{new string('#', filled)}{new string('.', width - filled)}] {share,4:P0}  {_rows,10:N0} rows  {_clock.Elapsed.TotalSeconds,4:F0} s  {_stage,-28}");
    }
}
