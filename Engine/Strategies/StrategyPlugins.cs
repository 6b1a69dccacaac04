using System.Reflection;
using System.Runtime.Loader;

namespace Engine.Strategies;

/// <summary>
/// Loads <see cref="IStrategyPlugin"/>s from assemblies outside the engine, each (assembly, type) once
/// per process (a failure is tried again next time), off the loop: validation, the reloads, the
/// warm-up and backtests all share the one loaded.
/// </summary>
/// <remarks>
/// Each plugin assembly gets its own <see cref="AssemblyLoadContext"/>, which resolves the plugin's
/// own dependencies beside it (its <c>.deps.json</c>) and lends it every assembly the engine ships
/// (<c>Engine</c>, <c>Feeds</c>, the framework), so the plugin's <see cref="IStrategy"/> is the engine's.
/// </remarks>
internal static class StrategyPlugins
{
    private static readonly Lock s_gate = new();
    private static readonly Dictionary<string, Assembly> s_assemblies = [];
    private static readonly Dictionary<(string Assembly, string Type), IStrategyPlugin> s_plugins = [];

    /// <summary>The plugin <paramref name="typeName"/> in <paramref name="assemblyPath"/>, or why it cannot be had.</summary>
    public static LoadedPlugin Load(string assemblyPath, string typeName)
    {
        if (string.IsNullOrWhiteSpace(assemblyPath))
        {
            return LoadedPlugin.Refused("assembly", "required with strategy.name Plugin: the path of the plugin's .dll");
        }
        if (string.IsNullOrWhiteSpace(typeName))
        {
            return LoadedPlugin.Refused("type", $"required with strategy.name Plugin: the full name of a class implementing {nameof(IStrategyPlugin)}");
        }
        string fullPath = Path.GetFullPath(assemblyPath);
        lock (s_gate)
        {
            if (s_plugins.TryGetValue((fullPath, typeName), out var plugin))
            {
                return new LoadedPlugin(plugin, "", "");
            }
            // A failure is not kept: the file may be there at the next try.
            var loaded = LoadAssembly(fullPath, out var assembly) ?? Instantiate(assembly!, typeName);
            if (loaded.Plugin is not null)
            {
                s_plugins.Add((fullPath, typeName), loaded.Plugin);
            }
            return loaded;
        }
    }

    /// <summary>Loads the assembly at <paramref name="fullPath"/> once, into a context of its own; null, or why not.</summary>
    private static LoadedPlugin? LoadAssembly(string fullPath, out Assembly? assembly)
    {
        if (s_assemblies.TryGetValue(fullPath, out assembly))
        {
            return null;
        }
        if (!File.Exists(fullPath))
        {
            return LoadedPlugin.Refused("assembly", $"file not found: '{fullPath}'");
        }
        try
        {
            // One the engine has already loaded from that file (a test's own assembly) is used as it is.
            assembly = AlreadyLoaded(fullPath) ?? new PluginLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException)
        {
            return LoadedPlugin.Refused("assembly", $"'{fullPath}' is not a .NET assembly");
        }
        catch (FileLoadException exception)
        {
            return LoadedPlugin.Refused("assembly", $"'{fullPath}' cannot be loaded: {exception.Message}");
        }
        s_assemblies.Add(fullPath, assembly);
        return null;
    }

    /// <summary>An instance of the plugin class <paramref name="typeName"/>, or why there can be none.</summary>
    private static LoadedPlugin Instantiate(Assembly assembly, string typeName)
    {
        var type = assembly.GetType(typeName, throwOnError: false);
        if (type is null)
        {
            return LoadedPlugin.Refused("type", $"no type '{typeName}' in {assembly.GetName().Name}");
        }
        if (!typeof(IStrategyPlugin).IsAssignableFrom(type) || type.IsAbstract || !type.IsVisible)
        {
            return LoadedPlugin.Refused("type", $"'{typeName}' must be a public, non-abstract class implementing {typeof(IStrategyPlugin).FullName}");
        }
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            return LoadedPlugin.Refused("type", $"'{typeName}' has no public parameterless constructor");
        }
        try
        {
            return new LoadedPlugin((IStrategyPlugin)Activator.CreateInstance(type)!, "", "");
        }
        catch (TargetInvocationException exception)
        {
            var inner = exception.InnerException ?? exception;
            return LoadedPlugin.Refused("type", $"'{typeName}''s constructor threw {inner.GetType().Name}: {inner.Message}");
        }
    }

    private static Assembly? AlreadyLoaded(string fullPath)
    {
        foreach (var assembly in AssemblyLoadContext.Default.Assemblies)
        {
            if (!assembly.IsDynamic && string.Equals(assembly.Location, fullPath, StringComparison.Ordinal))
            {
                return assembly;
            }
        }
        return null;
    }

    /// <summary>A plugin's own load context: its dependencies from beside it, the engine's assemblies from the engine.</summary>
    private sealed class PluginLoadContext(string assemblyPath) : AssemblyLoadContext($"strategy-plugin:{Path.GetFileName(assemblyPath)}")
    {
        private static readonly HashSet<string> s_engineAssemblies = EngineAssemblyNames();
        private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Null hands the name to the default context: the engine's copy, whatever the plugin ships.
            if (assemblyName.Name is null || s_engineAssemblies.Contains(assemblyName.Name))
            {
                return null;
            }
            string? path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }

        /// <summary>Every assembly the engine's process was started with (its trusted platform assemblies) and every one loaded since.</summary>
        private static HashSet<string> EngineAssemblyNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string trusted)
            {
                foreach (string file in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    names.Add(Path.GetFileNameWithoutExtension(file));
                }
            }
            foreach (var loaded in Default.Assemblies)
            {
                if (loaded.GetName().Name is { } name)
                {
                    names.Add(name);
                }
            }
            return names;
        }
    }
}

/// <summary>A loaded <see cref="IStrategyPlugin"/>, or the key (<c>assembly</c>, <c>type</c>) and the reason it could not be loaded.</summary>
internal sealed record LoadedPlugin(IStrategyPlugin? Plugin, string ProblemKey, string Problem)
{
    public static LoadedPlugin Refused(string key, string problem) => new(null, key, problem);
}
