namespace OciCleanup.Cleaner.Configuration;

/// <summary>The scalar keys at the top of the file: <c>mode</c> and <c>schedule</c>.</summary>
internal static class TopLevelSettings
{
    public static RunMode ReadMode(YamlMapping root) => root.String("mode") switch
    {
        null or "dry-run" => RunMode.DryRun,
        "delete" => RunMode.Delete,
        var other => throw root.Error(root.Node("mode")!, "mode", $"must be dry-run or delete, not '{other}'"),
    };

    public static string ReadSchedule(YamlMapping root)
    {
        var schedule = root.String("schedule") ?? CleanerConfig.DefaultSchedule;
        return IsCron(schedule)
            ? schedule
            : throw root.Error(root.Node("schedule")!, "schedule", $"'{schedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
    }

    private static bool IsCron(string expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
