return await OciCleanup.Cleaner.Cli.InvokeAsync(args);
