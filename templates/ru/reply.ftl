Subject: Re: ${t.tag} ${t.subject}

${t.text}

--
${t.agentName}
${t.teamName} <${t.supportAddress}>
