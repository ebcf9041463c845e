using System.Globalization;
using System.Text.Json.Nodes;

namespace Nemo.Simulator;

internal sealed partial class SimulatorState
{
    public SessionRecord CreateSession(UserAccount user, string taskName)
    {
        lock (_lock)
        {
            string id;
            do
            {
                // A long numeric string, as the real service hands out.
                id = _random.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
            }
            while (_sessions.ContainsKey(id));

            var session = new SessionRecord(id, "task_" + RandomHex(24), taskName, user, ++_sessionOrdinal);
            _sessions.Add(id, session);
            return session;
        }
    }

    /// <summary>The caller's live session, settled to now; null when unknown, lost or someone else's.</summary>
    public SessionRecord? FindSession(UserAccount user, string? sessionId)
    {
        if (sessionId is null)
        {
            return null;
        }

        lock (_lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var session) || session.Lost || session.User != user)
            {
                return null;
            }

            SettleLocked(session, Now);
            return session;
        }
    }

    public bool LoseSession(string sessionId)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var session))
            {
                return false;
            }

            session.Lost = true;
            return true;
        }
    }

    public int LoseAllSessions()
    {
        lock (_lock)
        {
            foreach (var session in _sessions.Values)
            {
                session.Lost = true;
            }

            return _sessions.Count;
        }
    }

    public void AddUploads(SessionRecord session, IEnumerable<UploadRecord> uploads)
    {
        lock (_lock)
        {
            session.Uploads.AddRange(uploads);
        }
    }

    public List<UploadRecord> UploadsOf(SessionRecord session)
    {
        lock (_lock)
        {
            return [.. session.Uploads];
        }
    }

    /// <summary>Plans a prompt and, when the user can pay, freezes its cost and schedules its effect.</summary>
    public (PromptPlan Plan, DateTimeOffset ReadyAt, bool Accepted) SubmitPrompt(SessionRecord session, string prompt, PromptPlanner planner)
    {
        lock (_lock)
        {
            var now = Now;
            SettleLocked(session, now);
            var plan = planner.Plan(session, session.PromptCount + 1, prompt, [.. session.Uploads]);
            session.PromptCount++;
            if (plan.Cost > session.User.Available)
            {
                return (plan, now, false);
            }

            session.User.Available -= plan.Cost;
            session.User.Frozen += plan.Cost;
            var readyAt = now + plan.Duration;
            session.Pending.Add(new PendingPrompt(plan, readyAt));
            return (plan, readyAt, true);
        }
    }

    public JsonObject StateOf(SessionRecord session)
    {
        lock (_lock)
        {
            SettleLocked(session, Now);
            var videoInfos = new JsonArray();
            foreach (var upload in session.Uploads)
            {
                videoInfos.Add(new JsonObject
                {
                    ["file_id"] = upload.FileId,
                    ["filename"] = upload.FileName,
                    ["file_type"] = upload.Kind.ToString().ToLowerInvariant(),
                    ["url"] = upload.CdnUrl,
                    ["width"] = upload.Width,
                    ["height"] = upload.Height,
                });
            }

            return new JsonObject
            {
                ["session_id"] = session.SessionId,
                ["task_id"] = session.TaskId,
                ["task_name"] = session.TaskName,
                ["state"] = new JsonObject
                {
                    ["draft"] = (session.Draft ?? DraftBuilder.Empty(session.SessionId)).DeepClone(),
                    ["video_infos"] = videoInfos,
                    ["generated_media"] = session.GeneratedMedia.DeepClone(),
                    ["canvas_config"] = CanvasOf(session.Spec ?? new DraftSpec()),
                },
            };
        }
    }

    private static JsonObject CanvasOf(DraftSpec spec)
    {
        var (width, height) = spec.Size;
        return new JsonObject { ["width"] = width, ["height"] = height, ["aspect_ratio"] = spec.AspectRatio };
    }

    /// <summary>Lands every prompt whose time has come: the draft changes and the frozen credits are charged.</summary>
    private static void SettleLocked(SessionRecord session, DateTimeOffset now)
    {
        foreach (var pending in session.Pending.Where(p => p.ReadyAt <= now).OrderBy(p => p.ReadyAt).ToList())
        {
            session.Pending.Remove(pending);
            session.User.Frozen -= pending.Plan.Cost;
            if (pending.Plan.Draft is { } draft)
            {
                session.Revision = Math.Max(session.Revision + 1, draft["rev"]!.GetValue<int>());
                draft["rev"] = session.Revision;
                session.Draft = draft;
                session.Spec = pending.Plan.Spec;
                if (pending.Plan.Kind == PromptKind.Generation)
                {
                    session.GeneratedMedia.Add(new JsonObject
                    {
                        ["id"] = "media_" + session.SessionId + "_" + session.Revision,
                        ["type"] = "video",
                        ["duration"] = draft["d"]!.GetValue<int>() / 1000.0,
                    });
                }
            }
        }
    }
}
