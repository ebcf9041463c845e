namespace Nemo.Simulator;

internal sealed partial class SimulatorState
{
    /// <summary>Issues a token for a client id, or says how long until the per-client limit allows one.</summary>
    public (TokenRecord? Token, TimeSpan RetryAfter) IssueToken(string clientId)
    {
        lock (_lock)
        {
            var now = Now;
            if (!_usersByClient.TryGetValue(clientId, out var user))
            {
                user = new UserAccount("anon_" + RandomHex(16), clientId, _options.StartingCredits);
                _usersByClient.Add(clientId, user);
            }

            user.TokensIssuedAt.RemoveAll(t => now - t >= _options.TokenRateLimitWindow);
            if (_options.TokensPerClientLimit > 0 && user.TokensIssuedAt.Count >= _options.TokensPerClientLimit)
            {
                return (null, user.TokensIssuedAt[0] + _options.TokenRateLimitWindow - now);
            }

            user.TokensIssuedAt.Add(now);
            var token = new TokenRecord("nmv_usr_" + RandomHex(32), user, now + _options.TokenLifetime);
            _tokens.Add(token.Token, token);
            return (token, TimeSpan.Zero);
        }
    }

    /// <summary>The user of a valid, unexpired bearer token.</summary>
    public UserAccount? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        lock (_lock)
        {
            return _tokens.TryGetValue(token, out var record) && record.ExpiresAt > Now ? record.User : null;
        }
    }

    public bool ExpireToken(string token)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(token, out var record))
            {
                return false;
            }

            record.ExpiresAt = Now;
            return true;
        }
    }

    public int ExpireAllTokens()
    {
        lock (_lock)
        {
            var now = Now;
            foreach (var record in _tokens.Values)
            {
                record.ExpiresAt = now;
            }

            return _tokens.Count;
        }
    }

    public CreditBalance? GetCredits(string token)
    {
        lock (_lock)
        {
            return _tokens.TryGetValue(token, out var record) ? GetCreditsLocked(record.User) : null;
        }
    }

    public CreditBalance GetCredits(UserAccount user)
    {
        lock (_lock)
        {
            return GetCreditsLocked(user);
        }
    }

    public bool SetCredits(string token, int available)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(token, out var record))
            {
                return false;
            }

            record.User.Available = available;
            return true;
        }
    }

    private CreditBalance GetCreditsLocked(UserAccount user)
    {
        var now = Now;
        foreach (var session in _sessions.Values.Where(s => s.User == user))
        {
            SettleLocked(session, now);
        }

        return new CreditBalance(user.Available, user.Frozen);
    }
}
