"""Query texts of the wandb clients 0.28.2, 0.30.0 and 0.31.0, verbatim (extracted from the released
wheels: the Python sources and the wandb-core binary), for the fields older and newer clients select."""

# 0.28.2: wandb/sdk/internal/internal_api.py
VIEWER_0_28 = "query Viewer{\n            viewer {\n                id\n                entity\n                username\n                email\n                flags\n                teams {\n                    edges {\n                        node {\n                            name\n                        }\n                    }\n                }\n            }\n            serverInfo {\n                cliVersionInfo\n                latestLocalVersionInfo {\n                    outOfDate\n                    latestVersionString\n                    versionOnThisInstanceString\n                }\n            }\n        }"

# 0.28.2: wandb/sdk/internal/_generated/operations.py
SERVER_FEATURES_QUERY_0_28 = (
    "query ServerFeaturesQuery {\n  serverInfo {\n    features {\n      name\n      isEnabled\n    }\n  }\n}"
)

# 0.28.2: wandb/sdk/internal/internal_api.py
RUN_STOPPED_STATUS_0_28 = "query RunStoppedStatus($projectName: String, $entityName: String, $runId: String!) {\n            project(name:$projectName, entityName:$entityName) {\n                run(name:$runId) {\n                    stopped\n                }\n            }\n        }"

# 0.28.2: wandb/sdk/internal/internal_api.py
PROJECT_DETAILS_0_28 = "query ProjectDetails($entity: String, $project: String) {\n            model(name: $project, entityName: $entity) {\n                id\n                name\n                repo\n                dockerImage\n                description\n            }\n        }"

# 0.28.2: wandb/sdk/artifacts/_generated/operations.py
FETCH_ORG_INFO_FROM_ENTITY_0_28 = "query FetchOrgInfoFromEntity($entity: String!) {\n  entity(name: $entity) {\n    organization {\n      ...OrgInfoFragment\n    }\n    user {\n      organizations {\n        ...OrgInfoFragment\n      }\n    }\n  }\n}\n\nfragment OrgInfoFragment on Organization {\n  name\n  orgEntity {\n    name\n  }\n}"

# 0.28.2: wandb/sdk/internal/internal_api.py
RUN_INFO_0_28 = "query RunInfo($project: String!, $entity: String!, $name: String!) {\n            project(name: $project, entityName: $entity) {\n                run(name: $name) {\n                    runInfo {\n                        program\n                        args\n                        os\n                        python\n                        colab\n                        executable\n                        codeSaved\n                        cpuCount\n                        gpuCount\n                        gpu\n                        git {\n                            remote\n                            commit\n                        }\n                    }\n                }\n            }\n        }"

# 0.28.2: wandb/apis/_generated/operations.py
CREATE_TEAM_0_28 = "mutation CreateTeam($teamName: String!, $teamAdminUserName: String) {\n  result: createTeam(\n    input: {teamName: $teamName, teamAdminUserName: $teamAdminUserName}\n  ) {\n    entity {\n      id\n      name\n      available\n      photoUrl\n      limits\n    }\n  }\n}"

# 0.30.0: wandb/sdk/verify/verify.py
SERVER_INFO_0_30 = "query ServerInfo { serverInfo { cliVersionInfo } }"

# 0.30.0: wandb/apis/public/runs.py
UPDATE_RUN_STATE_0_30 = "mutation UpdateRunState($input: UpdateRunStateInput!) {\n                updateRunState(input: $input) {\n                    success\n                }\n            }"

# 0.30.0: wandb-core
RUN_CONSOLE_LOG_TAIL_0_30 = "query RunConsoleLogTail ($entity: String!, $project: String!, $runName: String!, $last: Int!) {\n\tproject(name: $project, entityName: $entity) {\n\t\trun(name: $runName) {\n\t\t\tlogLineCount\n\t\t\tlogLines(last: $last) {\n\t\t\t\tedges {\n\t\t\t\t\tnode {\n\t\t\t\t\t\tnumber\n\t\t\t\t\t\ttimestamp\n\t\t\t\t\t\tlevel\n\t\t\t\t\t\tlabel\n\t\t\t\t\t\tline\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n}"

# 0.30.0: wandb/sdk/artifacts/_generated/operations.py
FETCH_ORGANIZATION_0_30 = "query FetchOrganization($org: String!) {\n  organization(name: $org) {\n    id\n    name\n    orgEntity {\n      __typename\n      id\n      name\n      entityType\n    }\n  }\n}"

# 0.31.0: wandb/sdk/internal/_generated/operations.py
SERVER_FEATURES_QUERY_0_31 = (
    "query ServerFeaturesQuery {\n  serverInfo {\n    features {\n      name\n      isEnabled\n    }\n  }\n}"
)

# 0.31.0: wandb/apis/public/runs.py
UPDATE_RUN_STATE_0_31 = "mutation UpdateRunState($input: UpdateRunStateInput!) {\n                updateRunState(input: $input) {\n                    success\n                }\n            }"

# 0.31.0: wandb-core
RUN_CONSOLE_LOG_PAGE_0_31 = "query RunConsoleLogPage ($entity: String!, $project: String!, $runName: String!, $first: Int, $after: String) {\n\tproject(name: $project, entityName: $entity) {\n\t\trun(name: $runName) {\n\t\t\tlogLineCount\n\t\t\tlogLines(first: $first, after: $after, useImprovedPagination: true) {\n\t\t\t\tedges {\n\t\t\t\t\tnode {\n\t\t\t\t\t\tnumber\n\t\t\t\t\t\ttimestamp\n\t\t\t\t\t\tlevel\n\t\t\t\t\t\tlabel\n\t\t\t\t\t\tline\n\t\t\t\t\t}\n\t\t\t\t}\n\t\t\t\tpageInfo {\n\t\t\t\t\tendCursor\n\t\t\t\t\thasNextPage\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n}"

# 0.31.0: wandb/sdk/artifacts/_generated/operations.py
FETCH_ORGANIZATION_0_31 = "query FetchOrganization($org: String!) {\n  organization(name: $org) {\n    id\n    name\n    orgEntity {\n      __typename\n      id\n      name\n      entityType\n    }\n  }\n}"

# 0.31.0: wandb-core
ORG_FEATURE_FLAGS_0_31 = "query OrgFeatureFlags ($org: String!) {\n\torganization(name: $org) {\n\t\tfeatureFlags(rampIDType: OrgName) {\n\t\t\trampKey\n\t\t\tisEnabled\n\t\t}\n\t}\n}"

# 0.31.0: wandb-core
ORGANIZATION_CORE_WEAVE_ORGANIZATION_I_D_0_31 = "query OrganizationCoreWeaveOrganizationID ($entityName: String!) {\n\tentity(name: $entityName) {\n\t\torganization {\n\t\t\tcoreWeaveOrganizationId\n\t\t}\n\t}\n}"
