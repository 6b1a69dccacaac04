using System.Globalization;

namespace Engine.Replay;

/// <summary>The <c>--key value</c> options of <c>engine replay</c>, with typed getters that collect errors.</summary>
public sealed class ReplayArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private ReplayArguments()
    {
    }

    /// <summary>Problems found so far (unknown syntax, missing or malformed values).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Parses <c>--key value</c> pairs; anything else is an error.</summary>
    public static ReplayArguments Parse(string[] args)
    {
        var parsed = new ReplayArguments();
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                parsed._errors.Add($"expected --key value, got '{args[i]}'");
                continue;
            }
            parsed._values[args[i][2..]] = args[++i];
        }
        return parsed;
    }

    /// <summary>The value of <c>--key</c>, or null (and an error) if it is missing.</summary>
    public string? Required(string key)
    {
        _read.Add(key);
        if (_values.TryGetValue(key, out string? value))
        {
            return value;
        }
        _errors.Add($"--{key} is required");
        return null;
    }

    /// <summary>Adds a problem found by the caller's own checks.</summary>
    public void AddError(string error) => _errors.Add(error);

    /// <summary>The value of <c>--key</c>, or null if it was not given.</summary>
    public string? Optional(string key)
    {
        _read.Add(key);
        return _values.GetValueOrDefault(key);
    }

    /// <summary>The value of <c>--key</c> as a positive integer, or <paramref name="fallback"/> if not given.</summary>
    public int PositiveInt(string key, int fallback)
    {
        _read.Add(key);
        if (!_values.TryGetValue(key, out string? text))
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0)
        {
            return value;
        }
        _errors.Add($"--{key} must be a positive integer, got '{text}'");
        return fallback;
    }

    /// <summary>An existing file named by <c>--key</c>, or null (and an error).</summary>
    public string? ExistingFile(string key)
    {
        string? path = Required(key);
        if (path is not null && !File.Exists(path))
        {
            _errors.Add($"--{key}: file not found: {path}");
            return null;
        }
        return path;
    }

    /// <summary>
    /// Whether the arguments are good: no problem so far and no option the command did not read. Call
    /// it once the command has read every option it takes: an option it never read (a misspelt
    /// <c>--stratgy</c>) becomes an error here rather than being ignored.
    /// </summary>
    public bool IsValid()
    {
        foreach (string key in _values.Keys)
        {
            if (_read.Add(key))
            {
                _errors.Add($"unknown option --{key}");
            }
        }
        return _errors.Count == 0;
    }
}
