# The ListModelVersions requests that Get-LEModelVersion and the JS client both make, for
# tests/Pester/Conformance.Tests.ps1 (read at discovery for the test names and again at run
# time). Every filter alone, all together, times with and without milliseconds, the largest
# page and a NextToken. Input holds the API members; times are ISO 8601 in UTC; NextToken
# 'from-first-page' stands for the token of the first page of the same query without it.
# LocalTime gives the cmdlet the time as a local DateTime without a kind; ExtraTicks adds
# ticks below a millisecond that a JS Date cannot hold.

@(
    @{ Case = 'ModelName only'; Input = @{} }
    @{ Case = 'Status SUCCESS'; Input = @{ Status = 'SUCCESS' } }
    @{ Case = 'Status FAILED'; Input = @{ Status = 'FAILED' } }
    @{ Case = 'Status IN_PROGRESS'; Input = @{ Status = 'IN_PROGRESS' } }
    @{ Case = 'Status IMPORT_IN_PROGRESS'; Input = @{ Status = 'IMPORT_IN_PROGRESS' } }
    @{ Case = 'Status CANCELED'; Input = @{ Status = 'CANCELED' } }
    @{ Case = 'SourceType TRAINING'; Input = @{ SourceType = 'TRAINING' } }
    @{ Case = 'SourceType RETRAINING'; Input = @{ SourceType = 'RETRAINING' } }
    @{ Case = 'SourceType IMPORT'; Input = @{ SourceType = 'IMPORT' } }
    @{ Case = 'CreatedAtStartTime, whole seconds'
        Input = @{ CreatedAtStartTime = '2025-03-01T00:00:00Z' } }
    @{ Case = 'CreatedAtStartTime, milliseconds'
        Input = @{ CreatedAtStartTime = '2025-03-01T08:15:30.123Z' } }
    @{ Case = 'CreatedAtEndTime, whole seconds'
        Input = @{ CreatedAtEndTime = '2026-01-01T00:00:00Z' } }
    @{ Case = 'CreatedAtEndTime, half a second'
        Input = @{ CreatedAtEndTime = '2026-01-01T00:00:00.5Z' } }
    @{ Case = 'CreatedAt window, .001 and .999'
        Input = @{ CreatedAtStartTime = '2024-06-30T23:59:59.001Z'
            CreatedAtEndTime = '2026-06-30T23:59:59.999Z' } }
    @{ Case = 'CreatedAtStartTime at the epoch'
        Input = @{ CreatedAtStartTime = '1970-01-01T00:00:00Z' } }
    @{ Case = 'CreatedAtStartTime as a local time without a kind'; LocalTime = $true
        Input = @{ CreatedAtStartTime = '2025-07-04T12:34:56.789Z' } }
    @{ Case = 'CreatedAtEndTime with ticks below a millisecond (as Get-Date gives)'
        Input = @{ CreatedAtEndTime = '2026-02-03T04:05:06.789Z' }; ExtraTicks = 4321 }
    @{ Case = 'MinModelVersion'; Input = @{ MinModelVersion = 100 } }
    @{ Case = 'MaxModelVersion'; Input = @{ MaxModelVersion = 12 } }
    @{ Case = 'MaxModelVersion, largest whole number both clients hold exactly'
        Input = @{ MaxModelVersion = 9007199254740991 } }
    @{ Case = 'MinModelVersion and MaxModelVersion'
        Input = @{ MinModelVersion = 1; MaxModelVersion = 1 } }
    @{ Case = 'MaxResults 1'; Input = @{ MaxResults = 1 } }
    @{ Case = 'MaxResults 500'; Input = @{ MaxResults = 500 } }
    @{ Case = 'NextToken'; Input = @{ MaxResults = 5; NextToken = 'from-first-page' } }
    @{ Case = 'a 200-character model name of every allowed kind'
        Input = @{ ModelName = ('Ab9_-' * 40) } }
    @{ Case = 'every filter together, milliseconds'
        Input = @{ Status = 'SUCCESS'; SourceType = 'TRAINING'
            CreatedAtStartTime = '2024-03-01T00:00:00.123Z'
            CreatedAtEndTime = '2026-12-31T23:59:59.5Z'
            MinModelVersion = 2; MaxModelVersion = 230; MaxResults = 500 } }
    @{ Case = 'every filter together, whole seconds, with a NextToken'
        Input = @{ Status = 'SUCCESS'; SourceType = 'RETRAINING'
            CreatedAtStartTime = '2024-01-01T00:00:00Z'
            CreatedAtEndTime = '2027-01-01T00:00:00Z'
            MinModelVersion = 1; MaxModelVersion = 240; MaxResults = 2
            NextToken = 'from-first-page' } }
)
