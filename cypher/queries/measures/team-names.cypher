// The id and name of a team, the two ways sources name a team on a fact (synthetic contacts carry
// the team id, imported contacts the team's name): to recognise a manager's own team's rows.
// Parameters: $teamId. Example: :param teamId => 'T00002'
MATCH (t:Team {id: $teamId})
RETURN [t.id, t.name] AS names
