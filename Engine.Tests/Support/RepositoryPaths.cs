namespace Engine.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Engine.sln, found by walking up from the test directory.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engine.sln")))
        {
            directory = directory.Parent;
        }
        Assert.That(directory, Is.Not.Null, $"no Engine.sln above {TestContext.CurrentContext.TestDirectory}");
        return directory!.FullName;
    }

    /// <summary>The shipped configuration file, config/engine.json.</summary>
    public static string ShippedConfig() => Path.Combine(Root(), "config", "engine.json");
}
