/// Airflow 3.3.2 answers as JSON documents, copied from the shapes verified in
/// shared/notes/airflow.md §9 (values shortened, field sets as the server sends them).
enum AirflowFixtures {
    static let token = #"{"access_token":"eyJhbGciOiJIUzUxMiJ9.fixture-token-value"}"#

    static let dags = #"""
        {"dags":[{"dag_id":"flowdash_failures","dag_display_name":"flowdash_failures","is_paused":false,
          "is_stale":false,"has_import_errors":false,"last_parsed_time":"2026-11-25T07:31:52.122756Z",
          "fileloc":"/srv/airflow/dags/flowdash_failures.py","relative_fileloc":"flowdash_failures.py",
          "bundle_name":"dags-folder","file_token":"abc","tags":[{"name":"flowdash"}],"owners":["ops","data"],
          "timetable_description":"Never, external triggers only","max_active_runs":16,
          "description":"Calls the loopback server in each failing way"},
         {"dag_id":"flowdash_quick","dag_display_name":"flowdash_quick","is_paused":true,"is_stale":false,
          "has_import_errors":false,"fileloc":"/srv/airflow/dags/flowdash_quick.py",
          "relative_fileloc":"flowdash_quick.py","bundle_name":"dags-folder","tags":[],"owners":[],
          "description":null},
         {"dag_id":"flowdash_removed","is_paused":false,"is_stale":true,"has_import_errors":false,
          "fileloc":"/srv/airflow/dags/flowdash_removed.py","owners":["ops"]},
         {"dag_id":"flowdash_broken","is_paused":false,"is_stale":true,"has_import_errors":true,
          "fileloc":"/srv/airflow/dags/flowdash_broken.py","relative_fileloc":"flowdash_broken.py","owners":["ops"]}],
         "total_entries":4}
        """#

    static let dagDetails = #"""
        {"dag_id":"flowdash_failures","params":{
           "customer":{"__class":"airflow.sdk.definitions.param.Param","value":"c-1001","description":null,"schema":{"type":"string"}},
           "count":{"__class":"airflow.sdk.definitions.param.Param","value":3,"description":null,"schema":{"type":"integer"}},
           "dry_run":{"__class":"airflow.sdk.definitions.param.Param","value":false,"schema":{}},
           "region":{"__class":"airflow.sdk.definitions.param.Param","value":null,"schema":{}}},
         "doc_md":null,"start_date":null,"default_args":{"retries":0},"active_runs_count":0}
        """#

    static let dagTasks = #"""
        {"tasks":[{"task_id":"succeed","operator_name":"@task","retries":0,"downstream_task_ids":[]},
                  {"task_id":"unauthorized","operator_name":"@task","retries":0,"downstream_task_ids":[]},
                  {"task_id":"not_found","operator_name":"@task","retries":0,"downstream_task_ids":[]}],
         "total_entries":3}
        """#

    /// A failed manual run with a typed conf, and a queued resubmit of it.
    static let dagRuns = #"""
        {"dag_runs":[
          {"dag_run_id":"manual__2026-11-25T08:00:00+00:00","dag_id":"flowdash_failures","state":"queued",
           "run_type":"manual","conf":{"customer":"c-1001","count":3},
           "note":"Resubmitted by FlowDash from flowdash_failures/manual__2026-11-25T07:32:44.460850+00:00",
           "queued_at":"2026-11-25T08:00:00.512000Z","start_date":null,"end_date":null,"duration":null,
           "run_after":"2026-11-25T08:00:00Z","logical_date":null,"triggered_by":"rest_api",
           "triggering_user_name":"admin","dag_versions":[],"dag_display_name":"flowdash_failures"},
          {"dag_run_id":"manual__2026-11-25T07:32:44.460850+00:00","dag_id":"flowdash_failures","state":"failed",
           "run_type":"manual","conf":{"customer":"c-1001","count":3},"note":null,
           "queued_at":"2026-11-25T07:32:44.470000Z","start_date":"2026-11-25T07:32:45.101223Z",
           "end_date":"2026-11-25T07:32:53.998001Z","duration":8.896778,
           "run_after":"2026-11-25T07:32:44.460850Z","logical_date":null,"triggered_by":"rest_api",
           "triggering_user_name":"admin","dag_versions":[],"dag_display_name":"flowdash_failures"}],
         "total_entries":2,"total_entries_limit":50000,"next_cursor":null,"previous_cursor":null}
        """#

    static let failedRun = #"""
        {"dag_run_id":"manual__2026-11-25T07:32:44.460850+00:00","dag_id":"flowdash_failures","state":"failed",
         "run_type":"manual","conf":{"customer":"c-1001","count":3,"tags":["a","b"],"options":{"z":1,"a":null}},
         "note":null,"queued_at":"2026-11-25T07:32:44.470000Z","start_date":"2026-11-25T07:32:45.101223Z",
         "end_date":"2026-11-25T07:32:53.998001Z","duration":8.896778,"run_after":"2026-11-25T07:32:44.460850Z",
         "logical_date":null,"triggered_by":"rest_api","dag_versions":[],"dag_display_name":"flowdash_failures"}
        """#

    /// Five tasks of one run: one success, four failures, one still retrying, one upstream_failed.
    static let taskInstances = #"""
        {"task_instances":[
          {"id":"0195-a","task_id":"unauthorized","dag_id":"flowdash_failures",
           "dag_run_id":"manual__2026-11-25T07:32:44.460850+00:00","map_index":-1,"state":"failed","try_number":1,
           "max_tries":0,"start_date":"2026-11-25T07:32:47.000000Z","end_date":"2026-11-25T07:32:48.500000Z",
           "duration":1.5,"operator":"_PythonDecoratedOperator","operator_name":"@task","queued_when":null,
           "hostname":"ci","pid":4242,"pool":"default_pool","queue":"default","note":null,"rendered_fields":{}},
          {"id":"0195-b","task_id":"succeed","dag_id":"flowdash_failures",
           "dag_run_id":"manual__2026-11-25T07:32:44.460850+00:00","map_index":-1,"state":"success","try_number":1,
           "max_tries":0,"start_date":"2026-11-25T07:32:46.000000Z","end_date":"2026-11-25T07:32:46.800000Z",
           "duration":0.8,"operator":"_PythonDecoratedOperator","operator_name":"@task",
           "rendered_fields":{"op_args":[{"id":"c-1"}],"op_kwargs":{"conn_id":"billing_api"},"templates_dict":null}},
          {"id":"0195-c","task_id":"query_sales","dag_id":"flowdash_failures",
           "dag_run_id":"manual__2026-11-25T07:32:44.460850+00:00","map_index":-1,"state":"up_for_retry","try_number":2,
           "max_tries":2,"start_date":"2026-11-25T07:32:47.000000Z","end_date":null,"duration":null,
           "operator":"SQLExecuteQueryOperator","operator_name":"SQLExecuteQueryOperator",
           "rendered_fields":{"conn_id":"sales_db","sql":"select 1"}},
          {"id":"0195-d","task_id":"report","dag_id":"flowdash_failures",
           "dag_run_id":"manual__2026-11-25T07:32:44.460850+00:00","map_index":-1,"state":"upstream_failed",
           "try_number":0,"max_tries":0,"start_date":null,"end_date":null,"duration":null,
           "operator":"_PythonDecoratedOperator","operator_name":"@task"},
          {"id":"0195-e","task_id":"fan_out","dag_id":"flowdash_failures",
           "dag_run_id":"manual__2026-11-25T07:32:44.460850+00:00","map_index":2,"state":null,"try_number":0,
           "start_date":null,"end_date":null,"operator":null,"operator_name":null}],
         "total_entries":5,"total_entries_limit":50000,"next_cursor":null,"previous_cursor":null}
        """#

    /// The failure entry as Airflow 3 logs it: the outer RuntimeError, then its HTTPError cause.
    static func taskLog(excType: String, excValue: String, cause: (type: String, value: String)? = nil) -> String {
        let causeJSON = cause.map {
            #",{"exc_type":"\#($0.type)","exc_value":"\#($0.value)","exc_notes":[],"is_cause":true,"syntax_error":null,"is_group":false,"exceptions":[],"frames":[]}"#
        } ?? ""
        return #"""
            {"content":[
              {"event":"::group::Log message source details","sources":["/srv/airflow/logs/attempt=1.log"]},
              {"event":"/srv/airflow/logs/dag_id=flowdash_failures/attempt=1.log"},
              {"event":"::endgroup::"},
              {"timestamp":"2026-11-25T07:32:47.811Z","event":"DAG bundles loaded: dags-folder","level":"info",
               "logger":"airflow.dag_processing.bundles.manager.DagBundlesManager","filename":"manager.py","lineno":179},
              {"timestamp":"2026-11-25T07:32:48.001Z","event":"calling the loopback server","level":"info",
               "logger":"task.stdout"},
              {"timestamp":"2026-11-25T07:32:48.402Z","event":"Task failed with exception","level":"error",
               "logger":"task","filename":"task_runner.py","lineno":1083,
               "error_detail":[{"exc_type":"\#(excType)","exc_value":"\#(excValue)","exc_notes":[],"is_cause":false,
                 "syntax_error":null,"is_group":false,"exceptions":[],
                 "frames":[{"filename":"/srv/airflow/dags/flowdash_failures.py","lineno":31,"name":"call"}]}\#(causeJSON)]},
              {"timestamp":"2026-11-25T07:32:48.450Z","event":"Task instance in failure state","level":"info"}],
             "continuation_token":null}
            """#
    }

    static let connections = #"""
        {"connections":[
          {"connection_id":"flowdash_http","conn_type":"http","description":"loopback","host":"127.0.0.1",
           "login":"svc","schema":"http","port":8099,"password":"***","extra":"{\"timeout\": 5}","team_name":null},
          {"connection_id":"sales_db","conn_type":"postgres","description":null,"host":"db.internal","login":"etl",
           "schema":"sales","port":5432,"password":"***","extra":null,"team_name":null},
          {"connection_id":"slack","conn_type":"http","description":null,"host":"https://hooks.example.com",
           "login":null,"schema":null,"port":null,"password":null,"extra":"{\"Authorization\": \"***\"}"}],
         "total_entries":3}
        """#

    static let importErrors = #"""
        {"import_errors":[
          {"import_error_id":7,"timestamp":"2026-11-25T07:40:01.500000Z","filename":"flowdash_broken.py",
           "bundle_name":"dags-folder","stack_trace":"Traceback (most recent call last):\n  File \"<frozen importlib._bootstrap>\", line 488, in _call_with_frames_removed\n  File \"/srv/airflow/dags/flowdash_broken.py\", line 4, in <module>\n    import flowdash_missing_helper\n  File \"/srv/airflow/dags/helpers/loader.py\", line 12, in <module>\n    raise RuntimeError()\nModuleNotFoundError: No module named 'flowdash_missing_helper'\n"},
          {"import_error_id":8,"timestamp":"2026-11-25T07:41:00Z","filename":"flowdash_syntax.py",
           "bundle_name":"dags-folder","stack_trace":"  File \"/srv/airflow/dags/flowdash_syntax.py\", line 9\n    def broken(\n              ^\nSyntaxError: '(' was never closed\n"}],
         "total_entries":2}
        """#
}
